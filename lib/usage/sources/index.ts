/** Each usage source's parser by its id: the text of an API page or a file → records, or one sentence. Pure. */
import type { UsageSource } from '@/db/schema/usage';
import { parseAnthropic } from './anthropic';
import type { ParseResult } from './common';
import { parseCopilot } from './copilot';
import { parseCsv } from './csv';
import { parseLitellm } from './litellm';
import { parseOpenAi } from './openai';

export type { ParseResult } from './common';

export const USAGE_PARSERS: Record<UsageSource, (text: string) => ParseResult> = {
  copilot: parseCopilot,
  openai: parseOpenAi,
  anthropic: parseAnthropic,
  litellm: parseLitellm,
  csv: parseCsv,
};

export const SOURCE_LABELS: Record<UsageSource, string> = {
  copilot: 'GitHub Copilot usage metrics (NDJSON report)',
  openai: 'OpenAI Usage or Costs API page (JSON)',
  anthropic: 'Anthropic usage or cost report page (JSON)',
  litellm: 'LiteLLM daily activity or spend logs (JSON)',
  csv: 'Generic CSV (template)',
};

export function parseUsage(source: UsageSource, text: string): ParseResult {
  return USAGE_PARSERS[source](text.replace(/^\uFEFF/, ''));
}
