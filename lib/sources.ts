import { todayIn } from './metrics/today';
/**
 * Human names and links for the source keys of the reference data set (db/seed/reference/SOURCES.md §2, §10).
 * Values entered in the app carry "entered by <admin> on <date>" instead of a key and are shown as they are.
 */
export type SourceInfo = { label: string; url?: string; license?: string };

export const SOURCES: Record<string, SourceInfo> = {
  'epoch-bh-2026-04': { label: 'Epoch AI, AI Benchmarking Hub (2026-04)', url: 'https://epoch.ai/benchmarks', license: 'CC BY 4.0' },
  'epoch-models-2026-02': { label: 'Epoch AI, Data on AI Models (2026-02)', url: 'https://epoch.ai/data/ai-models', license: 'CC BY 4.0' },
  'epoch-models-2026-04': { label: 'Epoch AI, Data on AI Models (2026-04)', url: 'https://epoch.ai/data/ai-models', license: 'CC BY 4.0' },
  'epoch-mv-2025-11': { label: 'Epoch AI model versions (2025-11)', url: 'https://github.com/epoch-research/benchmark-stitching', license: 'CC BY 4.0' },
  litellm: { label: 'LiteLLM price map', url: 'https://github.com/BerriAI/litellm', license: 'MIT' },
  'litellm-hist': { label: 'LiteLLM price map (history at launch)', url: 'https://github.com/BerriAI/litellm', license: 'MIT' },
  modelsdev: { label: 'models.dev', url: 'https://models.dev', license: 'MIT' },
  'modelsdev-hist': { label: 'models.dev (first committed version)', url: 'https://github.com/anomalyco/models.dev', license: 'MIT' },
  'modelsdev-2026': { label: 'models.dev (git history to 2026-07-02)', url: 'https://github.com/anomalyco/models.dev', license: 'MIT' },
  'modelsdev-undated': { label: 'models.dev (later file version, undated; single copy)', url: 'https://github.com/anomalyco/models.dev', license: 'MIT' },
  'openai-api-2020': { label: 'OpenAI, "OpenAI API" (2020)', url: 'https://openai.com/index/openai-api/' },
  'openai-pricing-2022': { label: 'OpenAI pricing page (2022)', url: 'https://openai.com/api/pricing/' },
  'openai-blog-2023-03-01': { label: 'OpenAI, ChatGPT and Whisper APIs (2023-03-01)', url: 'https://openai.com/blog/introducing-chatgpt-and-whisper-apis' },
  'openai-data-usage': { label: 'OpenAI data usage policies', url: 'https://help.openai.com/en/articles/5722486' },
  'openai-2023-06-13': { label: 'OpenAI, Function calling and other API updates (2023-06-13)', url: 'https://openai.com/index/function-calling-and-other-api-updates/' },
  'openai-2024-01-25': { label: 'OpenAI, New embedding models and API updates (2024-01-25)', url: 'https://openai.com/index/new-embedding-models-and-api-updates/' },
  'openai-4o-0806': { label: 'OpenAI, Introducing Structured Outputs (2024-08-06)', url: 'https://community.openai.com/t/introducing-structured-outputs/896022' },
  'openai-o3-cut': { label: 'OpenAI, o3 is 80% cheaper (2025-06-10)', url: 'https://community.openai.com/t/o3-is-80-cheaper-and-introducing-o3-pro/1284925' },
  'genai-prices': { label: 'Pydantic genai-prices', url: 'https://github.com/pydantic/genai-prices', license: 'MIT' },
  'dev-reports': { label: 'Developer reports of the change on the day (see SOURCES.md §10)' },
  'anthropic-pricing': { label: 'Anthropic pricing docs', url: 'https://docs.anthropic.com/en/docs/about-claude/pricing' },
  'anthropic-consumer-2025': { label: 'Anthropic commercial terms / 2025 consumer-terms coverage' },
  'anthropic-2.1': { label: 'Anthropic, Introducing Claude 2.1 (2023-11-21)', url: 'https://www.anthropic.com/news/claude-2-1' },
  'anthropic-2024-12-03': { label: 'Anthropic, Claude 3.5 Haiku price cut (2024-12-03)', url: 'https://claude.com/blog/trainium2-and-distillation' },
  'gemini-api-terms': { label: 'Gemini API Additional Terms of Service', url: 'https://ai.google.dev/gemini-api/terms' },
  'google-flash-cut': { label: 'Google Developers Blog, Gemini 1.5 Flash price drop (2024-08-08)', url: 'https://developers.googleblog.com/en/gemini-15-flash-updates-google-ai-studio-gemini-api/' },
  'google-pro-cut': { label: 'Google Developers Blog, reduced 1.5 Pro pricing (2024-09-24)', url: 'https://developers.googleblog.com/en/updated-production-ready-gemini-models-reduced-15-pro-pricing-increased-rate-limits-and-more/' },
  'xai-enterprise-faq': { label: 'xAI Enterprise FAQ', url: 'https://x.ai/legal/enterprise/faq' },
  'mistral-help-training': { label: 'Mistral help center', url: 'https://help.mistral.ai/en/articles/323757' },
  'mistral-2024-09-17': { label: 'Mistral AI, "AI in abundance" (2024-09-17)', url: 'https://mistral.ai/news/september-24-release/' },
  'deepseek-terms-secondary': { label: 'Analyses of DeepSeek terms (disagree)' },
  'secondary-mistral-large': { label: 'Third-party review (weak, secondary)' },
  simonw: { label: "Simon Willison's Weblog", url: 'https://simonwillison.net' },
  'tokencost-hist': { label: 'AgentOps tokencost price history', url: 'https://github.com/AgentOps-AI/tokencost', license: 'MIT' },
  'metr-time-horizons': { label: 'METR, Measuring AI Ability to Complete Long Tasks (via Epoch AI)', url: 'https://metr.org/blog/2025-03-19-measuring-ai-ability-to-complete-long-tasks/' },
  'gpqa-paper': { label: 'Rein et al. 2023, GPQA (arXiv:2311.12022)', url: 'https://arxiv.org/abs/2311.12022' },
  reference: { label: 'Uplift reference data set' },
  // Catalog syncs (lib/catalog/sync): the day each value was read is kept beside it (retrieved_at / retrieved_on).
  'modelsdev-sync': { label: 'models.dev (catalog sync)', url: 'https://models.dev', license: 'MIT' },
  'epoch-bh-sync': { label: 'Epoch AI, Benchmarking Hub (catalog sync)', url: 'https://epoch.ai/benchmarks', license: 'CC BY 4.0' },
};

/** A source field ("a;b", a key, or free text such as "entered by x on y") as displayable parts. */
export function describeSource(value: string | null | undefined): SourceInfo[] {
  if (!value) return [];
  if (/^(entered|imported) by /.test(value)) return [{ label: value }];
  return value
    .split(';')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => SOURCES[k] ?? { label: k });
}

export const enteredBy = (email: string, today: string) => `entered by ${email} on ${today}`;
export const importedBy = (email: string, today: string) => `imported by ${email} on ${today}`;

/** The words sourceText writes itself (not the sources' names), so a page can say them in its reader's language. */
export type SourceWords = { none: string; enteredBy: (who: string, date: string) => string; importedBy: (who: string, date: string) => string };
export const ENGLISH_SOURCE_WORDS: SourceWords = { none: 'no source', enteredBy, importedBy };
const BY_PERSON = /^(entered|imported) by (.+) on (\d{4}-\d{2}-\d{2})$/;

/** Short text form, for tooltips and table cells. */
export const sourceText = (value: string | null | undefined, words: SourceWords = ENGLISH_SOURCE_WORDS) =>
  describeSource(value)
    .map((s) => {
      const by = BY_PERSON.exec(s.label);
      return by ? (by[1] === 'entered' ? words.enteredBy : words.importedBy)(by[2], by[3]) : s.label;
    })
    .join('; ') || words.none;

/** Today in the organisation's time zone (lib/metrics/today.ts). */
export const isoToday = () => todayIn();
