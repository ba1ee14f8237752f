// The experiment page says where its current figure comes from: the latest check-in that carries it
// (date, then id, as the database's current_* columns take it), else the experiment's own estimate.
import { describe, expect, it } from 'vitest';
import { describeSource, figureSource, latestCarrying } from '@/lib/metrics/current-figure';

const checkins = [
  { id: 1, date: '2031-03-01', hours: '12' },
  { id: 3, date: '2031-06-01', hours: null },
  { id: 2, date: '2031-05-01', hours: '15' },
  { id: 4, date: '2031-05-01', hours: '16' },
];

describe('where the current figure comes from', () => {
  it('the latest check-in carrying the figure, by date then id; a later one without it does not count', () => {
    expect(latestCarrying(checkins, (c) => c.hours != null)?.id).toBe(4);
    expect(figureSource(checkins, (c) => c.hours != null, '10')).toEqual({ kind: 'checkin', date: '2031-05-01' });
  });

  it("else the experiment's own estimate, else nothing (counted as 0)", () => {
    expect(figureSource([checkins[1]], (c) => c.hours != null, '10')).toEqual({ kind: 'own' });
    expect(figureSource([], () => true, null)).toEqual({ kind: 'none' });
    expect(describeSource({ kind: 'checkin', date: '2031-05-01' })).toBe('from the check-in of 2031-05-01');
    expect(describeSource({ kind: 'none' })).toBe('not recorded (counts as 0)');
  });
});
