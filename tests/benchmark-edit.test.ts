// An admin corrects a benchmark's metadata (issue 19 "admin edits of benchmarks and scores are audited"): checked
// against the version the form was loaded with and the benchmark's unit, one default axis at all times, audited
// with what it replaced; a refusal changes nothing.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { updateBenchmark, BENCHMARK_CONFLICT } from '@/db/queries/models/benchmark-edit';
import { auditLog, benchmarks } from '@/db/schema';
import { benchmarkEditSchema, type BenchmarkEdit } from '@/lib/validation/benchmark-edit';
import { describeEachDb } from './helpers/db';

const actor = { id: 'u_admin_bench', email: 'bench.admin@example.test' };

it('reads the form: numbers in the unit, blanks as none, a checkbox for the default axis, one message per wrong field', () => {
  const form = { key: 'gpqa_diamond', updatedAt: '2026-12-01T00:00:00.000Z', name: ' GPQA ', measures: 'science', description: 'Hard science Q&A', randomBaseline: '25', scoreCeiling: '', supersededBy: '', humanExpert: '81.3', humanNonExpert: '22.1', humanBaselineSource: '', source: 'Rein et al. 2023', defaultAxis: 'on' };
  expect(benchmarkEditSchema.parse(form)).toEqual({
    key: 'gpqa_diamond', updatedAt: '2026-12-01T00:00:00.000Z', name: 'GPQA', measures: 'science', description: 'Hard science Q&A', randomBaseline: 25, scoreCeiling: null,
    supersededBy: null, humanExpert: 81.3, humanNonExpert: 22.1, humanBaselineSource: null, source: 'Rein et al. 2023', defaultAxis: true,
  });
  const bad = benchmarkEditSchema.safeParse({ ...form, name: '', measures: 'vibes', randomBaseline: 'x', source: '', defaultAxis: undefined });
  expect(bad.success).toBe(false);
  expect(Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))).toEqual({
    name: 'Give the benchmark a name.',
    measures: 'Choose what it measures.',
    randomBaseline: 'The random-guess baseline: enter a number.',
    source: 'Cite where these figures come from.',
  });
});

describeEachDb('an admin edits a benchmark', (ctx) => {
  const row = async (key: string) => (await ctx.db.select().from(benchmarks).where(eq(benchmarks.key, key)))[0];
  const editOf = async (key: string, change: Partial<BenchmarkEdit> = {}): Promise<BenchmarkEdit> => {
    const b = await row(key);
    return {
      key, updatedAt: b.updatedAt.toISOString(), name: b.name, measures: b.measures as BenchmarkEdit['measures'], description: b.description,
      randomBaseline: b.randomBaseline, scoreCeiling: b.scoreCeiling, supersededBy: b.supersededBy, humanExpert: b.humanExpert, humanNonExpert: b.humanNonExpert,
      humanBaselineSource: b.humanBaselineSource, source: b.source, defaultAxis: b.defaultAxis, ...change,
    };
  };
  const save = (edit: BenchmarkEdit) => ctx.db.transaction((tx) => updateBenchmark(tx, actor, edit));
  const trail = () => ctx.db.select({ entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'benchmark.update')).orderBy(auditLog.id);

  it('saves the description, baselines and successor, and audits what it replaced', async () => {
    const edit = await editOf('gpqa_diamond', { description: 'Graduate-level science questions', humanExpert: 81.2, supersededBy: 'eci' });
    expect(await save(edit)).toEqual({ ok: true, key: 'gpqa_diamond' });
    const after = await row('gpqa_diamond');
    expect([after.description, after.humanExpert, after.supersededBy]).toEqual(['Graduate-level science questions', 81.2, 'eci']);
    const [entry] = await trail();
    expect(entry.entityId).toBe('gpqa_diamond');
    expect(entry.before).toMatchObject({ humanExpert: 81.3, supersededBy: null });
    expect(entry.after).toMatchObject({ humanExpert: 81.2, supersededBy: 'eci' });
  });

  it('refuses a stale form, an impossible value or successor, and dropping the only default — changing nothing', async () => {
    const stale = await editOf('gpqa_diamond', { description: 'stale' });
    await save(await editOf('gpqa_diamond', { description: 'newer' }));
    const before = await row('gpqa_diamond');
    expect(await save(stale)).toEqual({ ok: false, reason: 'conflict', message: BENCHMARK_CONFLICT });
    expect(await save(await editOf('gpqa_diamond', { humanExpert: 101 }))).toEqual({ ok: false, reason: 'invalid', field: 'humanExpert', message: 'GPQA Diamond is scored in percent: at most 100.' });
    expect(await save(await editOf('gpqa_diamond', { supersededBy: 'gpqa_diamond' }))).toEqual({ ok: false, reason: 'invalid', field: 'supersededBy', message: 'A benchmark cannot supersede itself.' });
    expect(await save(await editOf('gpqa_diamond', { supersededBy: 'no_such' }))).toEqual({ ok: false, reason: 'invalid', field: 'supersededBy', message: 'Choose the successor from the list.' });
    expect(await save(await editOf('gpqa_diamond', { randomBaseline: 25, scoreCeiling: 20 }))).toEqual({ ok: false, reason: 'invalid', field: 'scoreCeiling', message: 'The ceiling must be above the random-guess baseline.' });
    expect(await save(await editOf('eci', { defaultAxis: false }))).toEqual({ ok: false, reason: 'invalid', field: 'defaultAxis', message: 'Charts need a default benchmark: make another one the default instead.' });
    expect(await save(await editOf('eci', { key: 'no_such' }))).toEqual({ ok: false, reason: 'not_found', message: 'This benchmark no longer exists.' });
    expect(await row('gpqa_diamond')).toEqual(before);
    expect((await trail()).length).toBe(2);
  });

  it('makes another benchmark the default axis, taking it from the previous one in the same write', async () => {
    expect(await save(await editOf('swe_bench_verified', { defaultAxis: true }))).toEqual({ ok: true, key: 'swe_bench_verified' });
    const defaults = await ctx.db.select({ key: benchmarks.key }).from(benchmarks).where(eq(benchmarks.defaultAxis, true));
    expect(defaults).toEqual([{ key: 'swe_bench_verified' }]);
    expect(await save(await editOf('eci', { defaultAxis: true }))).toMatchObject({ ok: true });
  });
});
