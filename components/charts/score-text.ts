import { getTranslations } from 'next-intl/server';
import { formatScore } from '@/lib/catalog/benchmark-axis';

type MinutesMessage = { key: 'seconds' | 'minutes' | 'hours' | 'hoursMinutes'; values: Record<string, string> };

/** formatMinutes' rounding (lib/catalog/benchmark-axis.ts) as a message and its numbers, so each language words the units. */
function minutesMessage(minutes: number): MinutesMessage {
  if (minutes < 1) return { key: 'seconds', values: { n: String(Math.round(minutes * 60)) } };
  if (minutes < 60) return { key: 'minutes', values: { n: minutes < 10 ? minutes.toFixed(1) : String(Math.round(minutes)) } };
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total - h * 60;
  return m === 0 || h >= 10 ? { key: 'hours', values: { n: String(Math.round(minutes / 60)) } } : { key: 'hoursMinutes', values: { h: String(h), m: String(m) } };
}

/**
 * Scores and time horizons in the reader's language ("2 h 5 min", "2시간 5분"); English reads as formatScore and
 * formatMinutes write it for exports and the API. A missing score reads "not yet measured".
 */
export async function getScoreText() {
  const [t, tm] = await Promise.all([getTranslations('charts.minutes'), getTranslations('models')]);
  const minutes = (value: number) => {
    const m = minutesMessage(value);
    return t(m.key, m.values);
  };
  const score = (unit: string, value: number | null | undefined) =>
    value == null || !Number.isFinite(value) ? tm('notMeasured') : unit === 'minutes' ? minutes(value) : formatScore(unit, value);
  return { minutes, score };
}
