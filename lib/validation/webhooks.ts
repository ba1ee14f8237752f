import { z } from 'zod';
import { idSchema } from './ids';
import { ALERT_EVENTS, type AlertEvent } from '@/lib/metrics/alert-events';
import { WEBHOOK_FORMATS } from '@/lib/webhooks/payload';

/**
 * The webhook form: a name, the format, the URL, and `event_<event>` checkboxes (at least one). Whether the URL's
 * host may be reached is checked by the action after this (it needs a DNS lookup: lib/webhooks/target.ts).
 */
const eventFields = Object.fromEntries(ALERT_EVENTS.map((e) => [`event_${e}`, z.literal('on').optional()])) as Record<string, z.ZodType>;

const name = z.string().trim().min(1, 'Enter a name, e.g. "#ai-adoption in Slack".').max(80, 'At most 80 characters.');
const format = z.enum(WEBHOOK_FORMATS, { error: 'Choose Slack, Microsoft Teams or JSON.' });
const eventsOf = (v: Record<string, unknown>) => ALERT_EVENTS.filter((e: AlertEvent) => v[`event_${e}`] === 'on');
const hasEvent = (v: { events: unknown[] }) => v.events.length > 0;
const NO_EVENT = { message: 'Choose at least one alert to send.', path: ['events'] };

export const webhookSchema = z
  .strictObject({
    name,
    format,
    url: z.string().trim().min(1, 'Enter the webhook URL.').max(2000, 'At most 2000 characters.'),
    ...eventFields,
  })
  .transform((v: Record<string, unknown>) => ({
    name: v.name as string,
    format: v.format as (typeof WEBHOOK_FORMATS)[number],
    url: v.url as string,
    events: eventsOf(v),
  }))
  .refine(hasEvent, NO_EVENT);

export const webhookIdSchema = z.strictObject({ id: idSchema });

/**
 * The edit form: the same fields, with `id`; a blank URL keeps the stored one (the page shows it masked, since a
 * Slack URL's path is its key).
 */
export const webhookEditSchema = z
  .strictObject({
    id: idSchema,
    name,
    format,
    url: z.string().trim().max(2000, 'At most 2000 characters.').optional(),
    ...eventFields,
  })
  .transform((v: Record<string, unknown>) => ({
    id: v.id as number,
    name: v.name as string,
    format: v.format as (typeof WEBHOOK_FORMATS)[number],
    url: (v.url as string | undefined) || null,
    events: eventsOf(v),
  }))
  .refine(hasEvent, NO_EVENT);

/** Turn a webhook off or on: `enabled` is "on" or "off". */
export const webhookEnabledSchema = z.strictObject({ id: idSchema, enabled: z.enum(['on', 'off']) });
