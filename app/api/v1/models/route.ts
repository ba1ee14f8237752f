import { getDb } from '@/db';
import { listAllPriceChanges, listModelBenchmarks } from '@/db/queries/models/details';
import { listModels } from '@/db/queries/models/list';
import { authorizeApi } from '@/lib/api/principal';
import { apiJson } from '@/lib/api/respond';
import { catalogModels } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** USD per million tokens (stored with 4 decimals) → cents, keeping fractions of a cent. */
const cents = (usd: string) => Math.round(Number(usd) * 1_000_000) / 10_000;

/** GET /api/v1/models: the model catalog with today's prices, every dated price and benchmark scores. */
export async function GET(request: Request) {
  const auth = await authorizeApi(request, 'models.read');
  if (auth.response) return auth.response;
  const db = await getDb();
  const [models, prices] = await Promise.all([listModels(db), listAllPriceChanges(db)]);
  const scores = await Promise.all(models.map((m) => listModelBenchmarks(db, m.id)));
  return apiJson(
    catalogModels.parse({
      data: models.map((m, i) => ({
        slug: m.slug,
        name: m.name,
        vendor: m.vendor,
        releaseDate: m.releaseDate,
        reasoning: m.reasoning,
        openWeights: m.openWeights,
        dataPolicy: m.dataPolicy,
        experiments: m.experiments,
        pricePerMillionTokens: m.input != null && m.output != null ? { inputMinor: cents(m.input), outputMinor: cents(m.output), currency: 'USD' } : null,
        priceHistory: prices
          .filter((p) => p.modelId === m.id)
          .map((p) => ({ effectiveDate: p.effectiveDate, inputMinor: cents(p.input), outputMinor: cents(p.output), currency: 'USD', source: p.source })),
        scores: scores[i].map((s) => ({ benchmark: s.benchmark, score: Number(s.score), source: s.source })),
      })),
    }),
  );
}
