import { z } from 'zod';
import { isRealDay } from './day';

/** Zod building blocks for HTML form values (always strings), with messages a manager understands. */

/** Dates further ahead than this are typos (2206 for 2026), not plans. */
const MAX_YEARS_AHEAD = 5;

export function maxFutureDate(today = new Date()): string {
  const d = new Date(today);
  d.setUTCFullYear(d.getUTCFullYear() + MAX_YEARS_AHEAD);
  return d.toISOString().slice(0, 10);
}

export const text = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .refine((s) => s.length <= max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`);

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, `${label} is required.`)
    .refine((s) => s.length <= max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`);

/** An optional number within bounds; empty → null. */
export const optionalNumber = (label: string, opts: { min: number; max: number; integer?: boolean; unit?: string }) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const v = (s ?? '').trim().replace(',', '.');
      if (v === '') return null;
      const n = Number(v);
      const unit = opts.unit ? ` ${opts.unit}` : '';
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', continue: true, message: `${label} must be a number.` });
      else if (opts.integer && !Number.isInteger(n)) ctx.addIssue({ code: 'custom', continue: true, message: `${label} must be a whole number.` });
      else if (n < opts.min) ctx.addIssue({ code: 'custom', continue: true, message: `${label} cannot be less than ${opts.min}${unit}.` });
      else if (n > opts.max) ctx.addIssue({ code: 'custom', continue: true, message: `${label} cannot be more than ${opts.max.toLocaleString('en-US')}${unit}.` });
      else return n;
      // null, not z.NEVER: the form's cross-field checks still run, so every error shows at once.
      return null;
    });

export const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const v = (s ?? '').trim();
      if (v === '') return null;
      if (!isRealDay(v)) ctx.addIssue({ code: 'custom', continue: true, message: `${label} is not a valid date (YYYY-MM-DD).` });
      else if (v < '2000-01-01') ctx.addIssue({ code: 'custom', continue: true, message: `${label} is too far in the past.` });
      else if (v > maxFutureDate()) ctx.addIssue({ code: 'custom', continue: true, message: `${label} is too far in the future.` });
      else return v;
      return null;
    });

/**
 * A required value: empty says "required"; an invalid one says only why it is invalid. (Both leave null
 * behind with a continuing issue, so the output is narrowed here: a parse with an issue fails anyway.)
 */
function required<T>(schema: z.ZodType<T | null, string | undefined>, message: string) {
  return z
    .string()
    .optional()
    .superRefine((s, ctx) => {
      if ((s ?? '').trim() === '') ctx.addIssue({ code: 'custom', continue: true, message });
    })
    .pipe(schema)
    .transform((v) => v as T);
}

export const requiredDate = (label: string) => required<string>(optionalDate(label), `${label} is required.`);

export const requiredNumber = (label: string, opts: Parameters<typeof optionalNumber>[1], message = `${label} is required.`) =>
  required<number>(optionalNumber(label, opts), message);

export const enumOf = <T extends string>(values: readonly T[], label: string) =>
  z.enum(values as unknown as [T, ...T[]], { error: `Choose a ${label.toLowerCase()} from the list.` });

export const checkbox = z
  .string()
  .optional()
  .transform((s) => s === 'on' || s === 'true' || s === 'yes');

