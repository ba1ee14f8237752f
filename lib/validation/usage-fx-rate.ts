import { z } from 'zod';

/**
 * The form that sets a month's exchange rate (/admin/usage/rates): the month (YYYY-MM, as <input type="month">
 * sends it), the bills' currency and the rate in units of the reporting currency per one unit of it.
 * The column is numeric(18, 8): at most 10 digits before the point and 8 after.
 */
export const fxRateSchema = z.strictObject({
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month (YYYY-MM).')
    .refine((m) => m >= '2000-01' && m <= '2100-12', 'Choose a month between 2000 and 2100.'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD, EUR or GBP.'),
  rate: z
    .string()
    .trim()
    .regex(/^\d{1,10}(\.\d{1,8})?$/, 'Enter a positive number with at most 8 decimals, e.g. 1.0825.')
    .refine((r) => Number(r) > 0, 'The rate must be more than 0.'),
});
export type FxRateInput = z.output<typeof fxRateSchema>;
