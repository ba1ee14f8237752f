import { vendorChannelPolicies, type DataPolicy, type PolicyChannel } from '../schema';
import type { Queryable } from '../types';

type Row = { vendor: string; channel: PolicyChannel; dataPolicy: DataPolicy; optOut: string; source: string; asOf: string | null };

/**
 * Each vendor's data-use terms off the API, from SOURCES.md §3 (source keys of its §2). The as-of value is
 * the date the file gives for the statement (a year where it says only that, none where it gives none);
 * vendors change consumer terms, so these are dated facts for an admin to re-check, not current ones.
 */
export const VENDOR_CHANNEL_POLICIES: Row[] = [
  ...(['consumer_free', 'consumer_paid'] as const).map((channel) => ({
    vendor: 'OpenAI',
    channel,
    dataPolicy: 'trains' as const,
    optOut: 'ChatGPT (Free/Plus) trains by default; opt out in Data Controls.',
    source: 'openai-data-usage',
    asOf: '2023',
  })),
  ...(['consumer_free', 'consumer_paid'] as const).map((channel) => ({
    vendor: 'Anthropic',
    channel,
    dataPolicy: 'trains' as const,
    optOut: 'Claude Free/Pro/Max chats are used unless the user opts out (the toggle defaults on); 5-year retention while on.',
    source: 'anthropic-consumer-2025',
    asOf: '2025-09-28',
  })),
  {
    vendor: 'Anthropic',
    channel: 'enterprise',
    dataPolicy: 'no_training',
    optOut: 'Commercial use is excluded from training (unchanged by the 2025 consumer update).',
    source: 'anthropic-consumer-2025',
    asOf: '2025-09-28',
  },
  {
    vendor: 'Google',
    channel: 'consumer_free',
    dataPolicy: 'trains',
    optOut: 'Unpaid Services (Gemini API free tier, Google AI Studio) are used, with human review; in the EEA, Switzerland and the UK paid-tier terms apply to all.',
    source: 'gemini-api-terms',
    asOf: '2026-03-23',
  },
  ...(['consumer_free', 'consumer_paid'] as const).map((channel) => ({
    vendor: 'xAI',
    channel,
    dataPolicy: 'trains' as const,
    optOut: 'Grok on X and grok.com: used by default, opt out in settings (secondary sources).',
    source: 'xai-enterprise-faq',
    asOf: null,
  })),
  {
    vendor: 'xAI',
    channel: 'enterprise',
    dataPolicy: 'no_training',
    optOut: 'Business data is not used for training unless the customer opts in for free credits.',
    source: 'xai-enterprise-faq',
    asOf: null,
  },
  ...(['consumer_free', 'consumer_paid'] as const).map((channel) => ({
    vendor: 'Mistral AI',
    channel,
    dataPolicy: 'trains' as const,
    optOut: 'Le Chat Free/Pro/Student and the free Experiment plan: used by default, opt-out available.',
    source: 'mistral-help-training',
    asOf: null,
  })),
  {
    vendor: 'DeepSeek',
    channel: 'consumer_free',
    dataPolicy: 'trains',
    optOut: 'App and web: used by default; opt out with “Improve the model for everyone”.',
    source: 'deepseek-terms-secondary',
    asOf: '2026',
  },
];

/** Idempotent: a row an admin edited (same vendor and channel) is left alone. */
export async function seedVendorChannelPolicies(db: Queryable): Promise<void> {
  await db.insert(vendorChannelPolicies).values(VENDOR_CHANNEL_POLICIES).onConflictDoNothing({ target: [vendorChannelPolicies.vendor, vendorChannelPolicies.channel] });
}
