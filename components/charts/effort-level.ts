import { EFFORT_LEVELS, type EffortLevel } from '@/lib/catalog/epoch-effort';

type Translate = (key: `levels.${EffortLevel}`) => string;

/**
 * A named reasoning effort ("high", "xhigh") as the effort chart's axis, its points and the trends page's reading
 * write it, in the reader's language: pass getTranslations('charts.effort'). Anything else stays as it is.
 */
export function effortLevelIn(t: Translate) {
  return (effort: string): string => ((EFFORT_LEVELS as readonly string[]).includes(effort) ? t(`levels.${effort as EffortLevel}`) : effort);
}
