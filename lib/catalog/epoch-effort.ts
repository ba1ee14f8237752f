/**
 * Epoch AI names each evaluated configuration a "model version": the vendor's API id, sometimes a host or
 * organisation prefix (`chutes/…`, `openai/…`), and a reasoning-effort suffix (`gpt-5.2-2025-12-11_high`,
 * `claude-opus-4-6_32K`, `QwQ-32B (16K thinking)`). This splits one into its parts. Pure.
 */

/** Effort levels as the vendors' APIs name them, lowest first (OpenAI, Anthropic, Google, models.dev). */
export const EFFORT_LEVELS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

/**
 * `default`: no suffix, the model ran with its API default (for hybrid models such as Claude that means no
 * extended thinking). `unknown`: Epoch does not know the effort (its `_unknown` suffix, e.g. METR's runs).
 * `thinking`: a thinking mode switched on without a level (`DeepSeek-V3.1_thinking`).
 * A thinking budget keeps Epoch's label, e.g. `16K` (K = thousand tokens, as Epoch's display names say "16k thinking").
 */
export type Effort = EffortLevel | 'default' | 'unknown' | 'thinking' | `${number}K`;

export type EpochVersion = {
  /** The version exactly as Epoch spells it, without surrounding spaces (one April-2026 id ends in a space). */
  version: string;
  /** Host or organisation prefix before the first "/", or null. */
  prefix: string | null;
  /** The id without prefix, effort suffix or scaffold variant: usually the vendor's API id. */
  baseId: string;
  effort: Effort;
  /** Thinking budget in tokens, for budget efforts only. */
  budgetTokens: number | null;
  /** A scaffold or access variant Epoch appends to the id (`customtools`, `webapp`, `web-app`), or null. */
  variant: string | null;
};

const LEVELS: ReadonlySet<string> = new Set(EFFORT_LEVELS);
const BUDGET = /^(\d+)[kK]$/;
const PAREN_BUDGET = /^(.*) \((\d+)[kK] thinking\)$/;
// Suffixes that name how the model was reached, not how hard it thought.
const VARIANTS = ['customtools', 'web-app', 'webapp'] as const;

function budget(label: string): { effort: Effort; budgetTokens: number } {
  const n = Number(BUDGET.exec(label)![1]);
  return { effort: `${n}K`, budgetTokens: n * 1000 };
}

/** The effort an underscore suffix names, or null when the suffix is part of the id (`InternVL2_5-78B`, `_res448`). */
function suffixEffort(suffix: string): { effort: Effort; budgetTokens: number | null } | null {
  if (LEVELS.has(suffix)) return { effort: suffix as EffortLevel, budgetTokens: null };
  if (suffix === 'unknown' || suffix === 'thinking') return { effort: suffix, budgetTokens: null };
  if (BUDGET.test(suffix)) return budget(suffix);
  return null;
}

export function parseEpochVersion(raw: string): EpochVersion {
  const version = raw.trim();
  const slash = version.indexOf('/');
  const prefix = slash > 0 ? version.slice(0, slash) : null;
  let rest = slash > 0 ? version.slice(slash + 1) : version;
  let effort: Effort = 'default';
  let budgetTokens: number | null = null;

  const paren = PAREN_BUDGET.exec(rest);
  if (paren) {
    rest = paren[1];
    ({ effort, budgetTokens } = budget(`${paren[2]}K`));
  } else {
    const underscore = rest.lastIndexOf('_');
    const parsed = underscore > 0 ? suffixEffort(rest.slice(underscore + 1)) : null;
    if (parsed) {
      rest = rest.slice(0, underscore);
      ({ effort, budgetTokens } = parsed);
    }
  }

  let variant: string | null = null;
  for (const v of VARIANTS) {
    if (rest.endsWith(`-${v}`)) {
      variant = v;
      rest = rest.slice(0, -(v.length + 1));
      break;
    }
  }
  return { version, prefix, baseId: rest, effort, budgetTokens, variant };
}

/** Position of a named effort level on the second-scaling-law axis (none = 0 … max = 6); null for the others. */
export function effortLevelRank(effort: string): number | null {
  const i = (EFFORT_LEVELS as readonly string[]).indexOf(effort);
  return i < 0 ? null : i;
}

/** Budget in tokens of an effort such as `16K`, or null. */
export function effortBudgetTokens(effort: string): number | null {
  const m = BUDGET.exec(effort);
  return m ? Number(m[1]) * 1000 : null;
}

/** Whether a string is an effort this module can produce (for validating the alias file). */
export function isEffort(value: string): value is Effort {
  return LEVELS.has(value) || value === 'default' || value === 'unknown' || value === 'thinking' || /^\d+K$/.test(value);
}
