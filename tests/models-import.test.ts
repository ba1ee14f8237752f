import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { aiModels, auditLog, modelBenchmarks, modelPrices } from '@/db/schema';
import { getModelBySlug, listModelExperiments, listModelPrices, listTeamModelUsage, listVendors } from '@/db/queries/models/details';
import { applyModelImport, previewModelImport } from '@/db/queries/models/import';
import { createModel, SLUG_TAKEN, updateModel, upsertBenchmarkScore, upsertPriceChange } from '@/db/queries/models/writes';
import { written } from '@/db/queries/write-result';
import { listModels } from '@/db/queries/models/list';
import { parseModelImport } from '@/lib/validation/model-import';
import { describeEachDb } from './helpers/db';

const HEADER = 'slug,name,vendor,release_date,input_usd_per_mtok,output_usd_per_mtok,gpqa_diamond_pct,training_flop,reasoning,open_weights,trains_on_user_data_by_default,source_price,source_gpqa,source_flop';
const actor = { id: 'u_test', email: 'admin@uplift.demo' };
const count = async (db: Parameters<typeof listModels>[0]) => (await db.select({ n: sql<number>`count(*)::int` }).from(aiModels))[0].n;

describeEachDb(
  'model catalog queries and CSV import',
  (ctx) => {
    it('previews each row as added, updated or rejected with the reason, and changes nothing', async () => {
      const csv = [
        HEADER,
        'test-new-1,Test New 1,OpenAI,2026-05-01,1,4,70.5,,true,false,false,,,',
        'gpt-4o,GPT-4o,OpenAI,2024-05-13,5,15,49.5,,false,false,false,litellm,epoch-bh-2026-04,',
        'bad-vendor,Bad,openai,2026-05-01,1,1,,,false,false,false,,,',
        'bad-price,Bad,Google,2026-05-01,-1,2,,,false,false,false,,,',
        'bad-date,Bad,Google,2026-13-45,1,2,,,false,false,false,,,',
        'test-new-1,Dup,OpenAI,2026-05-01,1,2,,,false,false,false,,,',
      ].join('\n');
      const before = await count(ctx.db);
      const parsed = parseModelImport(csv, await listVendors(ctx.db));
      expect(parsed.fileError).toBeNull();
      const preview = await previewModelImport(ctx.db, parsed.rows);
      expect(preview.map((r) => r.outcome)).toEqual(['added', 'updated', 'rejected', 'rejected', 'rejected', 'rejected']);
      expect(preview[2].reasons.join()).toContain('did you mean "OpenAI"');
      expect(preview[3].reasons.join()).toContain('negative');
      expect(preview[4].reasons.join()).toContain('not a date');
      expect(preview[5].reasons.join()).toContain('duplicate slug');
      expect(await count(ctx.db)).toBe(before);
    });

    it('applies the valid rows in one go: new model with launch price and score, existing model updated, audit written', async () => {
      const csv = [HEADER, 'test-new-2,Test New 2,Google,2026-05-02,0.5,2,72,3e25,true,true,unknown,,,', 'gpt-4o,GPT-4o,OpenAI,2024-05-13,5,15,49.5,,false,false,false,litellm,epoch-bh-2026-04,', 'x,Bad,Nobody,2026-05-01,1,1,,,false,false,false,,,'].join('\n');
      const parsed = parseModelImport(csv, await listVendors(ctx.db));
      const progress: [number, number][] = [];
      const result = await ctx.db.transaction((tx) => applyModelImport(tx, actor, parsed.rows, 'imported by admin@uplift.demo on 2026-11-28', (d, t) => progress.push([d, t])));
      expect(result).toEqual({ added: 1, updated: 1, rejected: 1 });
      expect(progress.at(-1)).toEqual([3, 3]);
      const m = (await getModelBySlug(ctx.db, 'test-new-2'))!;
      expect(m.openWeights).toBe(true);
      expect(m.source).toBe('imported by admin@uplift.demo on 2026-11-28');
      const prices = await listModelPrices(ctx.db, m.id);
      expect(prices.map((p) => [p.effectiveDate, Number(p.inputUsdPerMtok)])).toEqual([['2026-05-02', 0.5]]);
      const row = (await listModels(ctx.db)).find((x) => x.slug === 'gpt-4o')!;
      expect(Number(row.gpqa)).toBeCloseTo(49.5);
      // gpt-4o's later price change is untouched: today's price is still the 2024-10-02 cut.
      expect(Number(row.input)).toBe(2.5);
      const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'model.import'));
      expect(audits).toHaveLength(1);
    });

    it('a failure part-way rolls back every row', async () => {
      const before = await count(ctx.db);
      const parsed = parseModelImport([HEADER, 'test-rollback,Rollback,OpenAI,2026-05-03,1,1,,,false,false,false,,,'].join('\n'), await listVendors(ctx.db));
      await expect(
        ctx.db.transaction(async (tx) => {
          await applyModelImport(tx, actor, parsed.rows, 'imported');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await count(ctx.db)).toBe(before);
      expect(await getModelBySlug(ctx.db, 'test-rollback')).toBeNull();
    });

    it('rejects a whole file without the required columns', () => {
      expect(parseModelImport('name,vendor\nx,OpenAI', ['OpenAI']).fileError).toContain('slug');
      expect(parseModelImport(HEADER + '\n', ['OpenAI']).fileError).toContain('no rows');
    });

    it('admin writes: create, edit keeps unchanged sources, a price change on a date, a score; each audited', async () => {
      const fields = { slug: 'test-form', name: 'Form', vendor: 'xAI', releaseDate: '2026-01-01', reasoning: false, openWeights: false, dataPolicy: 'no_training', trainingFlop: 1e25 } as const;
      const m = written(await ctx.db.transaction((tx) => createModel(tx, actor, fields, 'entered by a on d')));
      expect(m).toEqual({ ok: true, id: m.id, slug: 'test-form' });
      // A second model on the same slug is refused, naming the field.
      expect(await ctx.db.transaction((tx) => createModel(tx, actor, fields, 's'))).toEqual({ ok: false, reason: 'invalid', field: 'slug', message: SLUG_TAKEN });
      expect(await ctx.db.transaction((tx) => updateModel(tx, actor, m.id, { ...fields, name: 'Form 2', reasoning: true }, 'entered by b on e'))).toEqual({ ok: true, id: m.id, slug: 'test-form' });
      const [edited] = await ctx.db.select().from(aiModels).where(eq(aiModels.id, m.id));
      expect(edited.name).toBe('Form 2');
      expect(edited.trainingFlopSource).toBe('entered by a on d');
      expect(await ctx.db.transaction((tx) => updateModel(tx, actor, 999_999, fields, 's'))).toEqual({ ok: false, reason: 'not_found', message: 'That model no longer exists.' });
      expect(await ctx.db.transaction((tx) => upsertPriceChange(tx, actor, { modelId: 999_999, effectiveDate: '2026-01-01', input: 1, output: 2 }, 's'))).toEqual({ ok: false, reason: 'not_found', message: 'That model no longer exists.' });
      await ctx.db.transaction((tx) => upsertPriceChange(tx, actor, { modelId: m.id, effectiveDate: '2026-01-01', input: 1, output: 2 }, 's'));
      await ctx.db.transaction((tx) => upsertPriceChange(tx, actor, { modelId: m.id, effectiveDate: '2026-06-01', input: 0.5, output: 1 }, 's'));
      await ctx.db.transaction((tx) => upsertPriceChange(tx, actor, { modelId: m.id, effectiveDate: '2026-06-01', input: 0.4, output: 1 }, 's2'));
      expect((await listModelPrices(ctx.db, m.id)).map((p) => Number(p.inputUsdPerMtok))).toEqual([1, 0.4]);
      await ctx.db.transaction((tx) => upsertBenchmarkScore(tx, actor, { modelId: m.id, benchmark: 'gpqa_diamond', score: 61.5 }, 's'));
      const [b] = await ctx.db.select().from(modelBenchmarks).where(eq(modelBenchmarks.modelId, m.id));
      expect(Number(b.score)).toBe(61.5);
      const trail = await ctx.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'model'), eq(auditLog.entityId, String(m.id))));
      expect(trail.map((t) => t.action).sort()).toEqual(['model.benchmark', 'model.create', 'model.price', 'model.price', 'model.price', 'model.update']);
      // The database refuses a negative price even if validation were bypassed.
      await expect(ctx.db.insert(modelPrices).values({ modelId: m.id, effectiveDate: '2026-07-01', inputUsdPerMtok: '-1', outputUsdPerMtok: '1', source: 'x' })).rejects.toThrow();
    });

    it('lists the experiments that used a model and usage per team', async () => {
      const usage = await listTeamModelUsage(ctx.db);
      expect(usage.length).toBeGreaterThan(0);
      const top = usage[0];
      const model = (await getModelBySlug(ctx.db, top.slug))!;
      const used = await listModelExperiments(ctx.db, model.id);
      expect(used.filter((e) => e.teamName === top.teamName)).toHaveLength(top.experiments);
      const listed = (await listModels(ctx.db)).find((x) => x.slug === top.slug)!;
      expect(listed.experiments).toBe(used.length);
    });
  },
  { demo: true, today: '2026-11-28' },
);
