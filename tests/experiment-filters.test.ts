import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import { experiments } from '@/db/schema';
import { experimentFiltersToSearch, parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

describe('experiment filter parameters', () => {
  it('parses lists, dates and flags, and drops malformed values instead of failing', () => {
    const f = parseExperimentFilters(
      new URLSearchParams('team=1,x,3&status=running,bogus&from=2025-01-01&to=not-a-date&blocked=yes&minImpact=9&page=2&sort=title&dir=up'),
    );
    expect(f.team).toEqual([1, 3]);
    expect(f.status).toEqual(['running']);
    expect(f.from).toBe('2025-01-01');
    expect(f.to).toBeUndefined();
    expect(f.blocked).toBe(true);
    expect(f.minImpact).toBeUndefined();
    expect(f.page).toBe(2);
    expect(f.sort).toBe('title');
    expect(f.dir).toBeUndefined();
  });

  it('round-trips through the query string', () => {
    const f = parseExperimentFilters(new URLSearchParams('team=2&mindset=new_capability,automate&privacy=yes&q=tickets'));
    expect(parseExperimentFilters(new URLSearchParams(experimentFiltersToSearch(f)))).toEqual(f);
  });
});

describeEachDb(
  'buildExperimentWhere',
  (ctx) => {
    const count = async (search: string) => {
      const where = buildExperimentWhere(parseExperimentFilters(new URLSearchParams(search)), { today: '2026-11-28' });
      const [r] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(experiments).where(where);
      return r.n;
    };
    it('partitions the demo experiments by status', async () => {
      const all = await count('');
      const parts = await Promise.all(['proposed', 'running', 'completed', 'abandoned'].map((s) => count(`status=${s}`)));
      expect(parts.reduce((a, b) => a + b, 0)).toBe(all);
      expect(all).toBe(90);
    });
    it('finds blocked, privacy-flagged and re-test candidates in the demo data', async () => {
      expect(await count('blocked=yes')).toBe(5);
      expect(await count('privacy=yes')).toBeGreaterThanOrEqual(3);
      const retest = await count('retest=yes');
      expect(retest).toBeGreaterThanOrEqual(3);
      expect(retest).toBeLessThanOrEqual(5);
    });
    it('treats a text search with % and _ literally', async () => {
      expect(await count('q=9_%25')).toBe(0); // unescaped, it would match "92%" in a learning
      expect(await count('q=92%25')).toBeGreaterThan(0);
      expect(await count('q=tickets')).toBeGreaterThan(0);
    });
    it('an active-in-period filter excludes proposed experiments and those that ended before it', async () => {
      const active = await count('from=2026-09-01&to=2026-11-28');
      const proposedInside = await count('from=2026-09-01&to=2026-11-28&status=proposed');
      expect(active).toBeGreaterThan(0);
      expect(proposedInside).toBe(0);
    });
  },
  { demo: true, today: '2026-11-28' },
);
