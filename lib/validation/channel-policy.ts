import { z } from 'zod';
import { DATA_POLICIES } from '@/db/schema/models';
import { POLICY_CHANNELS } from '@/db/schema/vendor-policies';
import { isRealDay } from './day';

/** A year, a month or a day: sources date vendors' terms that finely, and a guessed day would be invented. */
const asOf = z
  .string()
  .trim()
  .max(10)
  .refine((v) => v === '' || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v), 'Enter the as-of date as YYYY, YYYY-MM or YYYY-MM-DD.')
  .refine((v) => v.length !== 10 || isRealDay(v), 'This is not a real date.')
  .refine((v) => v.length !== 7 || (Number(v.slice(5)) >= 1 && Number(v.slice(5)) <= 12), 'This is not a real month.')
  .transform((v) => (v === '' ? null : v));

/**
 * An admin's edit of a vendor's data-use policy on one channel (vendor_channel_policies). `updatedAt` is the
 * version the form was loaded with; empty adds the row (the vendor had none on that channel).
 */
export const channelPolicySchema = z.object({
  vendor: z.string().trim().min(1, 'Choose a vendor.').max(60),
  channel: z.enum(POLICY_CHANNELS, { error: 'Choose a channel from the list.' }),
  dataPolicy: z.enum(DATA_POLICIES, { error: 'Choose whether it trains on user data.' }),
  optOut: z.string().trim().max(1000).default(''),
  source: z.string().trim().min(1, 'Name the source (a link or a source key).').max(500),
  asOf,
  updatedAt: z.string().trim().max(40).default(''),
});
export type ChannelPolicyInput = z.infer<typeof channelPolicySchema>;
