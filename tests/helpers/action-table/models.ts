// The role × action table: model catalog (app/(app)/models/actions.ts, app/api/models/import).
import {
  addBenchmarkAction,
  addPriceAction,
  createModelAction,
  previewImportAction as previewModelImportAction,
  saveChannelPolicyAction,
  updateModelAction,
} from '@/app/(app)/models/actions';
import { updateBenchmarkAction } from '@/app/(app)/admin/benchmarks/actions';
import * as modelImportRoute from '@/app/api/models/import/route';
import { and, eq } from 'drizzle-orm';
import { benchmarks, vendorChannelPolicies } from '@/db/schema';
import { modelImportCsv, newModel } from '../action-fixtures';
import { READ_ONLY } from '../action-effects';
import { ADMIN, adapted, modelImportOutcome, type TableEntry, type Handler } from './entry';

export const MODELS: TableEntry[] = [
  {
    name: 'models: create',
    effect: { changes: ['ai_models'], audit: 'model.create' },
    allowed: ADMIN,
    action: createModelAction,
    input: (fx) => ({ slug: `new-${fx.uid()}`, name: 'New Model', vendor: 'OpenAI', releaseDate: '2026-03-01', dataPolicy: 'no_training', contextWindow: '128000' }),
  },
  {
    name: 'models: edit',
    effect: { changes: ['ai_models'], audit: 'model.update' },
    allowed: ADMIN,
    action: updateModelAction,
    input: async (fx) => {
      const m = await newModel(fx);
      return { id: String(m.id), slug: m.slug, name: 'Renamed Model', vendor: 'OpenAI', releaseDate: '2025-02-01', dataPolicy: 'trains', reasoning: 'on' };
    },
  },
  {
    name: 'models: add price',
    effect: { changes: ['model_prices'], audit: 'model.price' },
    allowed: ADMIN,
    action: addPriceAction,
    input: async (fx) => ({ modelId: String((await newModel(fx)).id), effectiveDate: '2026-01-01', input: '1.25', output: '5', note: 'list price' }),
  },
  {
    name: 'models: add benchmark score',
    effect: { changes: ['benchmark_scores'], audit: 'model.score' },
    allowed: ADMIN,
    action: addBenchmarkAction,
    input: async (fx) => ({ modelId: String((await newModel(fx)).id), benchmark: 'gpqa_diamond', score: '61.5', source: 'vendor card' }),
  },
  {
    name: 'models: edit a vendor’s channel policy',
    effect: { changes: ['vendor_channel_policies'], audit: 'model.channel_policy' },
    allowed: ADMIN,
    action: saveChannelPolicyAction,
    input: async (fx) => {
      const [r] = await fx.db
        .select()
        .from(vendorChannelPolicies)
        .where(and(eq(vendorChannelPolicies.vendor, 'xAI'), eq(vendorChannelPolicies.channel, 'enterprise')));
      return { vendor: r.vendor, channel: r.channel, dataPolicy: r.dataPolicy, optOut: `Checked ${fx.uid()}`, source: r.source, asOf: r.asOf ?? '', updatedAt: r.updatedAt.toISOString() };
    },
  },
  {
    name: 'admin: edit a benchmark',
    effect: { changes: ['benchmarks'], audit: 'benchmark.update' },
    allowed: ADMIN,
    action: updateBenchmarkAction,
    input: async (fx) => {
      const [b] = await fx.db.select().from(benchmarks).where(eq(benchmarks.key, 'metr_time_horizon'));
      return { key: b.key, updatedAt: b.updatedAt.toISOString(), name: b.name, measures: b.measures, description: `Task length ${fx.uid()}`, source: b.source, randomBaseline: '', scoreCeiling: '', supersededBy: '', humanExpert: '', humanNonExpert: '', humanBaselineSource: '' };
    },
  },
  {
    name: 'models import: preview',
    effect: READ_ONLY,
    allowed: ADMIN,
    ...adapted(previewModelImportAction, {}, modelImportOutcome),
    input: (fx) => ({ csv: modelImportCsv(fx) }),
  },
  {
    name: 'route: POST /api/models/import',
    effect: { changes: ['ai_models', 'model_prices', 'model_benchmarks'], audit: 'model.import' },
    allowed: ADMIN,
    route: { method: 'POST', path: '/api/models/import', body: 'text', handler: modelImportRoute.POST as Handler },
    input: (fx) => ({ body: modelImportCsv(fx) }),
  },
];
