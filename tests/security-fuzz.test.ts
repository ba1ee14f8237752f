// Fuzz: hostile inputs (tests/helpers/fuzz.ts) to every action and route of the table. Never a
// crash or a leaked stack trace; a refused or invalid input writes nothing; an invalid input gets a
// message. FUZZ_RUNS (default 20 per entry, about 1.5 min on both databases; `npm run test:reliability` sends 300) and FUZZ_SEED (or "random") tune it.
import { beforeAll, expect, it, vi } from 'vitest';
import { ACTION_TABLE } from './helpers/action-table';
import { describeEachDb } from './helpers/db';
import { createRandom } from '@/db/seed/random';
import { FUZZ_RUNS, FUZZ_SEED, mutate } from './helpers/fuzz';
import { LEAK, cookieFor, fingerprint, installDb, loadFixtures, runEntry, visibleText, type Caller, type Fixtures } from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const sent = { inputs: 0 };

function without(fp: Record<string, string>, tables: string[] = []) {
  return Object.fromEntries(Object.entries(fp).filter(([t]) => !tables.includes(t)));
}

describeEachDb(
  'fuzzing every action and route',
  (ctx) => {
    let fx: Fixtures;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });

    ACTION_TABLE.filter((e) => e.fuzz !== false).forEach((entry, index) => {
      // The most privileged allowed caller reaches the validation; entries nobody may call are fuzzed signed out.
      const caller: Caller = entry.fuzzAs ?? (entry.allowed.includes('admin') ? 'admin' : (entry.allowed.at(-1) ?? 'anon'));
      const runs = Math.max(1, Math.round(FUZZ_RUNS * (entry.fuzzShare ?? 1)));
      it(`${entry.name}: ${runs} hostile inputs as ${caller} (seed ${FUZZ_SEED})`, async () => {
        const r = createRandom(FUZZ_SEED + index);
        const valid = await entry.input(fx, caller);
        let cookie = await cookieFor(fx, caller);
        let before = await fingerprint(fx.db);
        for (let i = 0; i < runs; i++) {
          const input = mutate(valid, r);
          const outcome = await runEntry(entry, fx, caller, input);
          sent.inputs++;
          const shown = JSON.stringify(input).slice(0, 300);
          if (outcome.kind === 'crash') throw new Error(`crash on ${shown}: ${String((outcome.error as Error)?.stack ?? outcome.error)}`);
          expect(visibleText(outcome), `leak on ${shown}`).not.toMatch(LEAK);
          if (outcome.kind === 'ok') {
            before = await fingerprint(fx.db); // an accepted input may write: compare from here on
          } else {
            if (outcome.kind === 'invalid' && 'action' in entry) {
              const s = outcome.state ?? {};
              expect(Boolean(s.error) || Object.keys(s.fieldErrors ?? {}).length > 0, `no message for ${shown}`).toBe(true);
            }
            const after = await fingerprint(fx.db);
            expect(without(after, entry.mayWrite), `wrote on ${shown}`).toEqual(without(before, entry.mayWrite));
            before = after;
          }
          const now = await cookieFor(fx, caller); // an accepted sign-out or password change ends the session
          if (now !== cookie) {
            cookie = now;
            before = await fingerprint(fx.db);
          }
        }
      });
    });

    it('sent thousands of inputs in all', () => {
      console.log(`fuzz [${ctx.kind}]: ${sent.inputs} inputs, seed ${FUZZ_SEED}`);
      expect(sent.inputs).toBeGreaterThanOrEqual(FUZZ_RUNS);
    });
  },
  { demo: true },
);
