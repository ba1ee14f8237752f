import type { PullSource } from '@/db/schema/usage';
import { anthropicClient } from './anthropic';
import { copilotClient } from './copilot';
import { litellmClient } from './litellm';
import { openAiClient } from './openai';
import type { PullClient } from './types';

/** The pull client of each source Uplift can connect to. */
export const PULL_CLIENTS: Record<PullSource, PullClient> = {
  copilot: copilotClient,
  openai: openAiClient,
  anthropic: anthropicClient,
  litellm: litellmClient,
};
