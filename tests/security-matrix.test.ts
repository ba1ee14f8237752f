// Role × action matrix: every server action and route in tests/helpers/action-table/, called by
// every kind of caller. Allowed callers succeed, change what the entry declares and write its audit
// entry; everyone else is refused and nothing is written.
import { beforeAll, expect, it, vi } from 'vitest';
import { effectFor, effectProblems, okAuditCount } from './helpers/action-effects';
import { ACTION_TABLE } from './helpers/action-table';
import { describeEachDb } from './helpers/db';
import {
  CALLERS,
  cookieFor,
  defaultRefusal,
  deniedAuditCount,
  fingerprint,
  installDb,
  loadFixtures,
  runEntry,
  teamRefusal,
  visibleText,
  type Fixtures,
} from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

describeEachDb(
  'every action and route × every caller',
  (ctx) => {
    let fx: Fixtures;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });

    it('every entry someone may call declares what a successful call changes', () => {
      expect(ACTION_TABLE.filter((e) => e.allowed.length > 0 && !e.effect).map((e) => e.name)).toEqual([]);
    });

    for (const entry of ACTION_TABLE) {
      for (const caller of CALLERS) {
        const allowed = entry.allowed.includes(caller);
        it(`${entry.name} — ${caller} is ${allowed ? 'allowed' : 'refused'}`, async () => {
          const input = await entry.input(fx, caller);
          await cookieFor(fx, caller); // (re-)sign in before the snapshot: signing in writes a session
          const before = await fingerprint(fx.db);
          const deniedBefore = await deniedAuditCount(fx.db);
          const effect = entry.effect && effectFor(entry.effect, caller);
          const auditBefore = effect?.audit ? await okAuditCount(fx.db, effect.audit) : 0;
          const outcome = await runEntry(entry, fx, caller, input);
          if (outcome.kind === 'crash') throw outcome.error;
          if (allowed) {
            const success = entry.name === 'auth: sign out' ? ['login', 'ok'] : ['ok'];
            expect(success, `${entry.name} as ${caller}: ${visibleText(outcome)}`).toContain(outcome.kind);
            // "ok" is not enough: the change happened and, where audited, its audit entry was written.
            expect(await effectProblems(fx.db, effect!, before, await fingerprint(fx.db), auditBefore)).toEqual([]);
            return;
          }
          expect(outcome.kind, visibleText(outcome)).toBe((entry.refusal ?? (entry.teamScoped ? teamRefusal : defaultRefusal))(caller));
          expect(await fingerprint(fx.db)).toEqual(before);
          // A signed-in caller refused by a permission (or team) check leaves a trace in the audit log.
          const teamDenied = entry.teamScoped && caller === 'otherLead';
          if ((outcome.kind === 'forbidden' && !('route' in entry)) || teamDenied) expect(await deniedAuditCount(fx.db)).toBe(deniedBefore + 1);
        });
      }
    }
  },
  { demo: true },
);
