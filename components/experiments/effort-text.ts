import { effortBudgetTokens } from '@/lib/catalog/epoch-effort';
import { NO_REASONING, VENDOR_DEFAULT } from '@/lib/catalog/model-efforts';

/** The words effortText needs, from the catalog (experiments.models.effort*), so server and client cards share the rule. */
export type EffortWords = { vendorDefault: string; noReasoning: string; thinkingTokens: (effort: string) => string };

/** An effort as people read it, in the reader's language (lib/catalog/model-efforts.ts effortLabel is the English one). */
export function effortText(effort: string, words: EffortWords): string {
  if (effort === VENDOR_DEFAULT) return words.vendorDefault;
  if (effort === NO_REASONING) return words.noReasoning;
  return effortBudgetTokens(effort) != null ? words.thinkingTokens(effort) : effort;
}
