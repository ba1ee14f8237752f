import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '@/lib/intl/formatters';
import { formatMicros, minorDigits } from '@/lib/metrics/usage-currency';
import { dateIn } from '@/lib/metrics/today';

describe('Intl formatters are built once per language and options', () => {
  it('returns the same formatter for the same language and options, another for other options', () => {
    const a = numberFormat('en-US', { style: 'currency', currency: 'EUR' });
    expect(numberFormat('en-US', { style: 'currency', currency: 'EUR' })).toBe(a);
    expect(numberFormat('ko-KR', { style: 'currency', currency: 'EUR' })).not.toBe(a);
    expect(numberFormat('en-US', { style: 'currency', currency: 'USD' })).not.toBe(a);
    expect(dateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' })).toBe(dateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }));
  });

  it('formats exactly as a new formatter would, and an unknown currency still falls back', () => {
    expect(formatMicros(1_234_560_000, 'EUR', 2, 'en')).toBe('€1,234.56');
    expect(formatMicros(1_234_560_000, 'KRW', 0, 'ko')).toBe('₩1,235');
    expect(formatMicros(1_500_000, 'NOTACURRENCY', 2)).toBe('1.50 NOTACURRENCY');
    expect(formatMicros(1_500_000, 'NOTACURRENCY', 2)).toBe('1.50 NOTACURRENCY');
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('??')).toBe(2);
    expect(dateIn(new Date('2026-12-06T20:00:00Z'), 'Asia/Seoul')).toBe('2026-12-07');
    expect(dateIn(new Date('2026-12-06T20:00:00Z'), 'America/New_York')).toBe('2026-12-06');
  });
});
