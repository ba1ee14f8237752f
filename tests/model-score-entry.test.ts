// An admin's score on any benchmark, at one reasoning effort (issue 19 §2 "admin edits of benchmarks and scores
// are audited"): checked against the benchmark's unit and effort rule, saved over the same model, benchmark and
// effort, marked as entered by hand (a catalog sync shows it as a conflict), audited with what it replaced.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { saveModelScore } from '@/db/queries/models/scores';
import { aiModels, auditLog, benchmarkScores } from '@/db/schema';
import { scoreEntryProblem } from '@/lib/catalog/score-entry';
import { describeEachDb } from './helpers/db';

const actor = { id: 'u_admin_scores', email: 'scores.admin@example.test' };

it('checks a score against the benchmark: a percentage is at most 100, an effort only where measured per effort and the model reasons', () => {
  const gpqa = { name: 'GPQA Diamond', unit: 'percent', perEffort: true };
  const eci = { name: 'Epoch Capabilities Index (ECI)', unit: 'index', perEffort: false };
  const reasoner = { name: 'R1', reasoning: true };
  const plain = { name: 'Plain', reasoning: false };
  expect(scoreEntryProblem(gpqa, reasoner, { score: 100, effort: 'high' })).toBeNull();
  expect(scoreEntryProblem(gpqa, reasoner, { score: 100.5, effort: '' })).toEqual({ field: 'score', message: 'GPQA Diamond is a percentage, at most 100.' });
  expect(scoreEntryProblem(eci, reasoner, { score: 152.3, effort: '' })).toBeNull();
  expect(scoreEntryProblem(eci, reasoner, { score: 152.3, effort: 'high' })).toEqual({ field: 'effort', message: 'Epoch Capabilities Index (ECI) has one score per model: leave the effort empty.' });
  expect(scoreEntryProblem(gpqa, plain, { score: 50, effort: 'low' })).toEqual({ field: 'effort', message: 'Plain does not reason: leave the effort empty.' });
  expect(scoreEntryProblem(gpqa, reasoner, { score: 50, effort: '32K' })).toBeNull();
  expect(scoreEntryProblem(gpqa, reasoner, { score: 50, effort: 'turbo' })?.field).toBe('effort');
});

describeEachDb('an admin enters a model’s score', (ctx) => {
  let reasoner: number;
  beforeAll(async () => {
    const [m] = await ctx.db
      .insert(aiModels)
      .values({ slug: 'score-entry-r', name: 'Score Entry R', vendor: 'Acme', releaseDate: '2026-08-01', reasoning: true })
      .returning({ id: aiModels.id });
    reasoner = m.id;
  });
  const rows = () =>
    ctx.db
      .select({ benchmark: benchmarkScores.benchmark, effort: benchmarkScores.effort, score: benchmarkScores.score, source: benchmarkScores.source })
      .from(benchmarkScores)
      .where(eq(benchmarkScores.modelId, reasoner))
      .orderBy(benchmarkScores.benchmark, benchmarkScores.effort);
  const trail = () =>
    ctx.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'model'), eq(auditLog.entityId, String(reasoner))))
      .orderBy(auditLog.id);

  it('saves a score per benchmark and effort, replaces it on a second entry, and audits both with what they replaced', async () => {
    expect(await ctx.db.transaction((tx) => saveModelScore(tx, actor, { modelId: reasoner, benchmark: 'frontiermath', effort: 'high', score: 71.5 }, 'vendor card (entered by a on d)'))).toEqual({ ok: true, replaced: false });
    expect(await ctx.db.transaction((tx) => saveModelScore(tx, actor, { modelId: reasoner, benchmark: 'eci', effort: '', score: 151.2 }, 'entered by a on d'))).toEqual({ ok: true, replaced: false });
    expect(await ctx.db.transaction((tx) => saveModelScore(tx, actor, { modelId: reasoner, benchmark: 'frontiermath', effort: 'high', score: 72 }, 'entered by a on e'))).toEqual({ ok: true, replaced: true });
    expect(await rows()).toEqual([
      { benchmark: 'eci', effort: '', score: 151.2, source: 'entered by a on d' },
      { benchmark: 'frontiermath', effort: 'high', score: 72, source: 'entered by a on e' },
    ]);
    const audit = await trail();
    expect(audit.map((a) => a.action)).toEqual(['model.score', 'model.score', 'model.score']);
    expect(audit[2].before).toMatchObject({ benchmark: 'frontiermath', effort: 'high', score: 71.5 });
    expect(audit[2].after).toMatchObject({ benchmark: 'frontiermath', effort: 'high', score: 72 });
    expect(audit[0].before).toBeNull();
  });

  it('refuses a score the benchmark cannot hold, naming the field, and changes nothing', async () => {
    const before = await rows();
    const refuse = (benchmark: string, effort: string, score: number) => ctx.db.transaction((tx) => saveModelScore(tx, actor, { modelId: reasoner, benchmark, effort, score }, 'entered by a on f'));
    expect(await refuse('gpqa_diamond', '', 101)).toEqual({ ok: false, reason: 'invalid', field: 'score', message: 'GPQA Diamond is a percentage, at most 100.' });
    expect(await refuse('eci', 'high', 150)).toMatchObject({ ok: false, field: 'effort' });
    expect(await refuse('no_such_benchmark', '', 1)).toEqual({ ok: false, reason: 'invalid', field: 'benchmark', message: 'Choose a benchmark from the list.' });
    expect(await ctx.db.transaction((tx) => saveModelScore(tx, actor, { modelId: 999_999, benchmark: 'eci', effort: '', score: 1 }, 's'))).toEqual({ ok: false, reason: 'not_found', message: 'That model no longer exists.' });
    expect(await rows()).toEqual(before);
    expect((await trail()).length).toBe(3);
  });
});
