import type { UsageSource } from '@/db/schema/usage';

/**
 * One day of usage as every source is read into: a vendor API page, an uploaded file or a CSV row all become
 * these, and the import stores them (db/queries/usage/). Tokens and requests are counts; cost is in
 * micro-units of `currency` (a day's cost is often under a cent). Active and engaged users are that day's
 * figures for that external team, never to be summed across days or teams.
 */
export type UsageRecord = {
  /** YYYY-MM-DD, the vendor's (UTC) day. */
  day: string;
  /** The vendor's project, API key, Copilot team or LiteLLM team; '' for organisation-wide figures. */
  externalTeam: string;
  vendor: string;
  /** The vendor's model id as reported; '' when the source has none. */
  externalModel: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  currency: string;
  activeUsers: number | null;
  engagedUsers: number | null;
  /** Source-specific breakdowns kept as reported (e.g. Copilot's per-editor and per-language figures). */
  details: Record<string, unknown> | null;
  /**
   * Which figures the record carries when its source reports them on separate pages (OpenAI's and Anthropic's
   * usage and cost reports): importing a cost page replaces the cost of a day and leaves its tokens, and the other
   * way round. Absent: every figure.
   */
  measures?: 'usage' | 'cost';
};

export type UsageBatch = { source: UsageSource; records: UsageRecord[] };
