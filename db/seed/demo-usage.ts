import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { aiModels, usageDaily, usageFxRates, usageTeamMappings } from '../schema';
import type { Db } from '../types';
import { DEMO_TEAMS, type DemoTeamKey } from './demo-org';
import { addDays } from './demo-experiments';
import { createRandom } from './random';

/** Days of demo usage, ending today: enough for the dashboard's default 90 days and the previous period. */
export const DEMO_USAGE_DAYS = 180;

/**
 * How busy each team's AI gateway is: requests a working day at the start, its people, and how dear its requests
 * are (long documents, big models): chosen so billed versus reported tells every story, from a match (support) to
 * usage outside the experiments (engineering, research) and experiments that over-report (finance).
 */
const LOAD: Record<DemoTeamKey, { requests: number; people: number; currency: 'USD' | 'EUR'; price: number }> = {
  support: { requests: 900, people: 28, currency: 'USD', price: 18 },
  finance: { requests: 260, people: 9, currency: 'USD', price: 20 },
  marketing: { requests: 420, people: 14, currency: 'USD', price: 30 },
  engineering: { requests: 1400, people: 36, currency: 'USD', price: 12 },
  // The legal team's vendor contract bills in euros: the demo sets a rate for every month but the current one.
  legal: { requests: 150, people: 6, currency: 'EUR', price: 13 },
  people: { requests: 120, people: 5, currency: 'USD', price: 50 },
  research: { requests: 380, people: 8, currency: 'USD', price: 10 },
};

/**
 * The demo organisation's imported usage (as a LiteLLM gateway would report it): each team's daily requests, tokens,
 * cost and active users on the newest priced OpenAI and Anthropic models, growing over the half year, quieter at
 * weekends; plus a "sandbox" project no one mapped to a team (shown as Unmapped). Deterministic.
 */
export async function seedDemoUsage(tx: Db, teamId: Record<DemoTeamKey, number>, today: string): Promise<number> {
  const rng = createRandom(20261205);
  const newest = async (vendor: string) =>
    (
      await tx
        .select({ id: aiModels.id, slug: aiModels.slug, vendor: aiModels.vendor })
        .from(aiModels)
        .where(and(eq(aiModels.vendor, vendor), lte(aiModels.releaseDate, today), sql`exists (select 1 from model_prices p where p.model_id = ${aiModels.id})`))
        .orderBy(desc(aiModels.releaseDate))
        .limit(1)
    )[0];
  const models = (await Promise.all([newest('OpenAI'), newest('Anthropic')])).filter((m) => m != null);
  if (!models.length) return 0;
  const start = addDays(today, -(DEMO_USAGE_DAYS - 1));
  const rows: (typeof usageDaily.$inferInsert)[] = [];
  const external = [...DEMO_TEAMS.map((t) => ({ key: t.key as DemoTeamKey | null, name: t.key as string })), { key: null, name: 'sandbox' }];
  for (let i = 0; i < DEMO_USAGE_DAYS; i++) {
    const day = addDays(start, i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.15 : 1;
    const growth = 0.5 + (i / DEMO_USAGE_DAYS) * 0.8;
    for (const ext of external) {
      const load = ext.key ? LOAD[ext.key] : { requests: 60, people: 3, currency: 'USD' as const, price: 10 };
      models.forEach((m, k) => {
        const share = k === 0 ? 0.65 : 0.35;
        const requests = Math.round(load.requests * share * growth * weekend * (0.8 + rng.next() * 0.4));
        const inputTokens = requests * rng.int(900, 1500);
        const outputTokens = requests * rng.int(250, 600);
        // $1.20 per million input and $8 per million output tokens, times the team's price factor.
        const costMicros = Math.round((inputTokens * 1.2 + outputTokens * 8) * load.price);
        rows.push({
          day,
          source: 'litellm',
          externalTeam: ext.name,
          teamId: ext.key ? teamId[ext.key] : null,
          vendor: m.vendor,
          externalModel: m.slug,
          modelId: m.id,
          requests,
          inputTokens,
          outputTokens,
          costMicros,
          currency: load.currency,
          activeUsers: requests === 0 ? 0 : Math.max(1, Math.round(load.people * share * weekend * growth * (0.7 + rng.next() * 0.3))),
        });
      });
    }
  }
  await tx.insert(usageTeamMappings).values(external.map((e) => ({ source: 'litellm' as const, externalTeam: e.name, teamId: e.key ? teamId[e.key] : null })));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(usageDaily).values(rows.slice(i, i + 500));
  const months: string[] = [];
  for (let m = `${start.slice(0, 7)}-01`; m < `${today.slice(0, 7)}-01`; m = addMonths(m)) months.push(m);
  if (months.length) await tx.insert(usageFxRates).values(months.map((month, i) => ({ month, currency: 'EUR', rate: (1.06 + 0.01 * (i % 4)).toFixed(4), setBy: 'demo' })));
  return rows.length;
}

const addMonths = (first: string) => {
  const [y, m] = first.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
