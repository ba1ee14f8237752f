// Dates come from one function with the time zone as a parameter (UTC for now), never from the database
// session's time zone: an experiment created late on 31 March UTC belongs to Q1 even on a session whose
// time zone is already in April.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getShift } from '@/db/queries/insights/shift';
import { experiments, teams } from '@/db/schema';
import { dateIn, dateTimeIn, todayIn } from '@/lib/metrics/today';
import { describeEachDb } from './helpers/db';

describe('dateIn', () => {
  it('is the calendar date of an instant in the given time zone, UTC by default', () => {
    const lateMarch = new Date('2031-03-31T20:00:00Z');
    expect(dateIn(lateMarch)).toBe('2031-03-31');
    expect(dateIn(lateMarch, 'Pacific/Kiritimati')).toBe('2031-04-01'); // UTC+14
    expect(dateIn(lateMarch, 'America/Los_Angeles')).toBe('2031-03-31');
    expect(todayIn('UTC', lateMarch)).toBe('2031-03-31');
  });
});

describeEachDb('quarters ignore the session time zone', (ctx) => {
  it('a proposed experiment counts in the quarter of its UTC creation date', async () => {
    const [t] = await ctx.db.insert(teams).values({ name: 'Tz T' }).returning({ id: teams.id });
    await ctx.db.insert(experiments).values({ title: 'Tz E', teamId: t.id, status: 'proposed', mindset: 'new_capability', createdAt: new Date('2031-03-31T20:00:00Z') });
    const shift = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Pacific/Kiritimati'`);
      return getShift(tx, { teamIds: [t.id], today: '2031-04-15' });
    });
    expect(shift.mindsets.map((r) => [r.quarter, r.new_capability])).toEqual([['2031-Q1', 1], ['2031-Q2', 0]]);
  });
});

describe('dateTimeIn', () => {
  it("writes an instant on the organisation's clock, 24-hour, across a date line", () => {
    const at = new Date('2031-03-31T23:30:00Z');
    expect(dateTimeIn(at)).toBe('2031-03-31 23:30');
    expect(dateTimeIn(at, 'Asia/Seoul')).toBe('2031-04-01 08:30');
    expect(dateTimeIn(new Date('2031-01-01T00:05:00Z'), 'America/Los_Angeles')).toBe('2030-12-31 16:05');
  });
});
