/**
 * Which reasoning efforts an experiment may record for a model. The catalog lists a model's
 * efforts through its per-effort scores and Epoch aliases (`high`, `xhigh`, `32K`…); vendors name them
 * differently, so the list is the catalog's, not one fixed scale. Pure: the database side reads the listed
 * efforts (db/queries/models/efforts.ts) and migration 0010 applies the same rule to old rows.
 */
import { effortBudgetTokens, effortLevelRank } from './epoch-effort';

/** The experiment form names each model's effort field `effort-<model id>` (kept here: client code may not import zod). */
export const EFFORT_FIELD_PREFIX = 'effort-';

/** A model that does not reason runs at this effort, and at no other. */
export const NO_REASONING = 'none';
/** The vendor's default effort, for a reasoning model run without naming one (what old "reasoning used" rows become). */
export const VENDOR_DEFAULT = 'default';
/** Catalog labels that say nothing about how the model was run: never offered. */
const NOT_A_SETTING: ReadonlySet<string> = new Set(['', VENDOR_DEFAULT, 'unknown']);

export type EffortModel = { reasoning: boolean };

/** Lowest first: named levels in the vendors' order, then thinking budgets by size, then anything else by name. */
export function compareEfforts(a: string, b: string): number {
  const key = (e: string): [number, number, string] => {
    const level = effortLevelRank(e);
    if (level != null) return [0, level, e];
    const budget = effortBudgetTokens(e);
    return budget != null ? [1, budget, e] : [2, 0, e];
  };
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2].localeCompare(kb[2]);
}

/** The efforts a model accepts: `none` for a model that does not reason; else the vendor default and what the catalog lists. */
export function supportedEfforts(model: EffortModel, listed: readonly string[]): string[] {
  if (!model.reasoning) return [NO_REASONING];
  const own = [...new Set(listed.filter((e) => !NOT_A_SETTING.has(e)))].sort(compareEfforts);
  return [VENDOR_DEFAULT, ...own];
}

/** The effort a link gets when the form names none. */
export function defaultEffort(model: EffortModel): string {
  return model.reasoning ? VENDOR_DEFAULT : NO_REASONING;
}

/** An effort as people read it. */
export function effortLabel(effort: string): string {
  if (effort === VENDOR_DEFAULT) return 'vendor default';
  if (effort === NO_REASONING) return 'no reasoning';
  const budget = effortBudgetTokens(effort);
  return budget != null ? `${effort} thinking tokens` : effort;
}

/** Null when `effort` is one the model accepts, else the message shown under the field. */
export function effortProblem(modelName: string, model: EffortModel, listed: readonly string[], effort: string): string | null {
  const ok = supportedEfforts(model, listed);
  if (ok.includes(effort)) return null;
  if (!model.reasoning) return `${modelName} does not reason: its effort can only be "none".`;
  return `${modelName} has no effort "${effort}" in the catalog; choose one of: ${ok.join(', ')}.`;
}

