/** The checks every usage record passes before it is stored, whatever its source. Pure. */
import type { UsageRecord } from './record';
import { isDay } from './sources/common';

const MAX_TEXT = 200;
const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isUsers = (n: unknown) => n === null || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2_147_483_647);

/** Null when the record can be stored, else the sentence that says why not (`n` is its position, from 1). */
export function checkRecord(r: UsageRecord, n: number): string | null {
  if (typeof r.day !== 'string' || !isDay(r.day)) return `Record ${n}: the day "${String(r.day).slice(0, 40)}" is not a date written YYYY-MM-DD.`;
  for (const [name, v] of [['team', r.externalTeam], ['vendor', r.vendor], ['model', r.externalModel]] as const) {
    if (typeof v !== 'string' || v.length > MAX_TEXT) return `Record ${n}: the ${name} must be text of at most ${MAX_TEXT} characters.`;
    if (/[\u0000-\u001f]/.test(v)) return `Record ${n}: the ${name} holds control characters.`;
  }
  if (!r.vendor.trim()) return `Record ${n}: the vendor is empty.`;
  if (!isCount(r.requests) || !isCount(r.inputTokens) || !isCount(r.outputTokens)) return `Record ${n}: requests and tokens must be whole numbers of 0 or more.`;
  if (typeof r.costMicros !== 'number' || !Number.isSafeInteger(r.costMicros)) return `Record ${n}: the cost must be a whole number of micro-units.`;
  if (typeof r.currency !== 'string' || !/^[A-Z]{3}$/.test(r.currency)) return `Record ${n}: the currency must be a three-letter code such as USD.`;
  if (!isUsers(r.activeUsers) || !isUsers(r.engagedUsers)) return `Record ${n}: active and engaged users must be whole numbers of 0 or more, or unknown.`;
  if (r.details !== null && (typeof r.details !== 'object' || Array.isArray(r.details))) return `Record ${n}: details must be an object.`;
  if (r.measures !== undefined && r.measures !== 'usage' && r.measures !== 'cost') return `Record ${n}: measures must be usage or cost.`;
  return null;
}
