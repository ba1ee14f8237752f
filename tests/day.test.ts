import { expect, it } from 'vitest';
import { isRealDay } from '@/lib/validation/day';
import { checkinSchema } from '@/lib/validation/experiment';

it('a day is real only when the calendar has it (Date.parse would roll 2024-02-30 over to March)', () => {
  expect(['2024-02-29', '2026-12-31', '2000-01-01'].map(isRealDay)).toEqual([true, true, true]);
  expect(['2024-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-1-01', ''].map(isRealDay)).toEqual([false, false, false, false, false, false]);
});

it('a check-in dated 2024-02-30 is refused beside its field, not sent to the database', () => {
  const r = checkinSchema.safeParse({ date: '2024-02-30', note: 'x' });
  expect(r.success).toBe(false);
  expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['date', 'Date is not a valid date (YYYY-MM-DD).']]);
});
