// Fuzz: hostile inputs (tests/helpers/fuzz.ts) to every action and route of the table. Every run starts
// from a fresh valid input (a fresh row, the current version), so the hostile values reach the write
// path itself, not only an "out of date" refusal. Never a crash or a leaked stack trace; a refused or
// invalid input writes nothing and gets a message; an accepted one changes what the entry declares and
// writes its audit entry; afterwards every trigger-kept summary still equals the raw rows.
// FUZZ_RUNS (default 20 per entry, about 2 min on both databases; `npm run test:reliability` sends more)
// and FUZZ_SEED (or "random") tune it.
import { beforeAll, expect, it, vi } from 'vitest';
import { effectFor, effectProblems, okAuditCount } from './helpers/action-effects';
import { ACTION_TABLE } from './helpers/action-table';
import { describeEachDb } from './helpers/db';
import { createRandom } from '@/db/seed/random';
import { FUZZ_RUNS, FUZZ_SEED, mutate, STRATEGIES, type Strategy } from './helpers/fuzz';
import { LEAK, cookieFor, fingerprint, installDb, loadFixtures, runEntry, visibleText, type Caller, type Fixtures } from './helpers/security-harness';
import { NO_DRIFT, summaryDrift } from './helpers/summary-definitions';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

function without(fp: Record<string, string>, tables: string[] = []) {
  return Object.fromEntries(Object.entries(fp).filter(([t]) => !tables.includes(t)));
}

const FUZZED = ACTION_TABLE.filter((e) => e.fuzz !== false);
const runsOf = (entry: (typeof ACTION_TABLE)[number]) => Math.max(1, Math.round(FUZZ_RUNS * (entry.fuzzShare ?? 1)));

describeEachDb(
  'fuzzing every action and route',
  (ctx) => {
    let fx: Fixtures;
    // Per database: inputs sent, by strategy and by outcome, and accepted inputs per entry.
    const sent = { inputs: 0, byStrategy: {} as Record<string, number>, byOutcome: {} as Record<string, number> };
    const accepted: Record<string, number> = {};
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });

    FUZZED.forEach((entry, index) => {
      // The most privileged allowed caller reaches the validation; entries nobody may call are fuzzed signed out.
      const caller: Caller = entry.fuzzAs ?? (entry.allowed.includes('admin') ? 'admin' : (entry.allowed.at(-1) ?? 'anon'));
      const runs = runsOf(entry);
      it(`${entry.name}: ${runs} hostile inputs as ${caller} (seed ${FUZZ_SEED})`, async () => {
        const r = createRandom(FUZZ_SEED + index);
        const effect = entry.effect && effectFor(entry.effect, caller);
        for (let i = 0; i < runs; i++) {
          // A fresh valid input every run: a new row to act on, the version as it is now.
          const valid = await entry.input(fx, caller);
          await cookieFor(fx, caller); // signs in again if an accepted sign-out or password change ended the session
          const { input, strategy } = mutate(valid, r, i);
          const before = await fingerprint(fx.db);
          const auditBefore = effect?.audit ? await okAuditCount(fx.db, effect.audit) : 0;
          const outcome = await runEntry(entry, fx, caller, input);
          sent.inputs++;
          sent.byStrategy[strategy] = (sent.byStrategy[strategy] ?? 0) + 1;
          sent.byOutcome[outcome.kind] = (sent.byOutcome[outcome.kind] ?? 0) + 1;
          const shown = `${strategy} ${JSON.stringify(input).slice(0, 300)}`;
          if (outcome.kind === 'crash') throw new Error(`crash on ${shown}: ${String((outcome.error as Error)?.stack ?? outcome.error)}`);
          expect(visibleText(outcome), `leak on ${shown}`).not.toMatch(LEAK);
          // The first run ends every text field in a NUL: cleaned, the input is as valid as before, so a caller
          // who may call the entry gets through to the write — unless the input is a CSV file, refused whole.
          if (strategy === 'nul' && i === 0 && entry.allowed.includes(caller))
            expect(outcome.kind === 'ok' || /NUL bytes/.test(visibleText(outcome)), `NUL not cleaned on ${shown}: ${visibleText(outcome)}`).toBe(true);
          const after = await fingerprint(fx.db);
          if (outcome.kind === 'ok') {
            accepted[entry.name] = (accepted[entry.name] ?? 0) + 1;
            expect(effect, `${entry.name} accepted an input but declares no effect`).toBeDefined();
            expect(await effectProblems(fx.db, effect!, before, after, auditBefore), `effect of ${shown}`).toEqual([]);
          } else {
            if (outcome.kind === 'invalid' && 'action' in entry) {
              const s = outcome.state ?? {};
              expect(Boolean(s.error) || Object.keys(s.fieldErrors ?? {}).length > 0, `no message for ${shown}`).toBe(true);
            }
            expect(without(after, entry.mayWrite), `wrote on ${shown}`).toEqual(without(before, entry.mayWrite));
          }
        }
      });
    });

    it('sent every input, through every strategy, and the summaries still equal the raw rows', async () => {
      const expected = FUZZED.reduce((n, e) => n + runsOf(e), 0);
      console.log(
        `fuzz [${ctx.kind}]: ${sent.inputs} inputs to ${FUZZED.length} entries, seed ${FUZZ_SEED}; by strategy ${JSON.stringify(sent.byStrategy)}; ` +
          `by outcome ${JSON.stringify(sent.byOutcome)}; accepted by ${Object.keys(accepted).length} entries`,
      );
      expect(sent.inputs).toBe(expected);
      expect(expected).toBeGreaterThanOrEqual(FUZZED.length * Math.min(FUZZ_RUNS, STRATEGIES.length) * 0.25);
      // Every strategy ran: NUL bytes and over-large ids at least once per entry with enough runs.
      for (const s of STRATEGIES as readonly Strategy[]) expect(sent.byStrategy[s] ?? 0, s).toBeGreaterThanOrEqual(FUZZED.filter((e) => runsOf(e) > STRATEGIES.indexOf(s)).length);
      // Hostile values got past validation into the write paths (a NUL is cleaned, an unknown key ignored…).
      const writers = FUZZED.filter((e) => e.allowed.length > 0 && e.effect && effectFor(e.effect, 'admin').changes.length > 0 && runsOf(e) >= STRATEGIES.length);
      expect(writers.filter((e) => !accepted[e.name]).map((e) => e.name)).toEqual([]);
      expect(await summaryDrift(ctx.db)).toEqual(NO_DRIFT);
    });
  },
  { demo: true },
);
