import { describe, expect, it } from 'vitest';
import { labelEvery, linearScale, logScale, niceStep, niceTicks, wrapLabel } from '@/lib/charts/scale';

// The SVG charts draw their axes from these helpers: the ticks must be round, cover the data and start at 0.
describe('niceStep', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(14_170, 4)).toBe(5000);
    expect(niceStep(0.8, 4)).toBeCloseTo(0.2);
  });
  it('falls back to 1 for an empty or invalid span', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('starts at 0 and ends at or above the maximum', () => {
    expect(niceTicks(0, 8, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3, 13, 4)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(0, 1542, 4)).toEqual([0, 500, 1000, 1500, 2000]);
  });
  it('keeps whole steps for counts', () => {
    expect(niceTicks(0, 3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 1, 5, true)).toEqual([0, 1]);
  });
  it('still draws an axis when every value is 0', () => {
    expect(niceTicks(0, 0, 4, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0, 4).at(-1)).toBeGreaterThan(0);
  });
  it('has no floating-point drift in the labels', () => {
    expect(niceTicks(0, 0.7, 7)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });
  it('covers negative values from below 0', () => {
    expect(niceTicks(-3, 7, 5)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
  });
});

describe('linearScale and logScale', () => {
  it('maps the domain ends onto the range ends, inverted ranges included (SVG y grows downwards)', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(0);
    expect(y(5)).toBe(100);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(0);
  });
  it('puts each power of ten at an equal distance on a log scale', () => {
    const x = logScale([0.1, 100], [0, 300]);
    expect(x(0.1)).toBeCloseTo(0);
    expect(x(1)).toBeCloseTo(100);
    expect(x(10)).toBeCloseTo(200);
    expect(x(100)).toBeCloseTo(300);
    expect(x(0)).toBeCloseTo(0); // clamped, never -Infinity
  });
});

describe('labels', () => {
  it('thins category labels to a maximum count', () => {
    expect(labelEvery(4, 8)).toBe(1);
    expect(labelEvery(13, 8)).toBe(2);
    expect(labelEvery(0, 8)).toBe(1);
  });
  it('wraps long labels between words and shortens the rest', () => {
    expect(wrapLabel('GPT-5.5', 18)).toEqual(['GPT-5.5']);
    expect(wrapLabel('Gemini 3 Pro (preview)', 14)).toEqual(['Gemini 3 Pro', '(preview)']);
    expect(wrapLabel('one two three four five six', 8)).toEqual(['one two', 'three…']);
  });
});
