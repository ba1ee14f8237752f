import { z } from 'zod';
import { MAX_ID } from './ids';
import { ALERT_EVENTS, DELIVERIES, type AlertEvent, type Delivery } from '@/lib/metrics/alert-events';

/** One alert to mark read, or every unread one with `all`. */
export const markReadSchema = z.union([
  z.strictObject({ id: z.coerce.number({ error: 'Invalid request.' }).int().positive().max(MAX_ID) }),
  z.strictObject({ all: z.literal('1') }),
]);

/** The preferences form: `enabled_<event>` (a checkbox, present when on) and `delivery_<event>` per event. */
const shape = Object.fromEntries(
  ALERT_EVENTS.flatMap((e) => [
    [`enabled_${e}`, z.literal('on').optional()],
    [`delivery_${e}`, z.enum(DELIVERIES, { error: 'Choose email now or in the digest.' })],
  ]),
) as Record<string, z.ZodType>;

export const preferencesSchema = z.strictObject(shape).transform((v: Record<string, unknown>) =>
  ALERT_EVENTS.map((event: AlertEvent) => ({ event, enabled: v[`enabled_${event}`] === 'on', delivery: v[`delivery_${event}`] as Delivery })),
);

export const resendSchema = z.strictObject({ id: z.coerce.number({ error: 'Invalid request.' }).int().positive().max(MAX_ID) });

/** The digest's on/off form on /digest. */
export const digestSubscriptionSchema = z.strictObject({ subscribed: z.enum(['on', 'off'], { error: 'Choose on or off.' }) });
