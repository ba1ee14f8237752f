import type { Mindset, Status } from '@/db/schema/experiments';
import type { OutcomeType } from '@/db/schema/outcomes';
import type { NotSet } from '@/lib/labels';

/** Chart colours (CSS variables from app/globals.css, readable in light and dark mode). */
export const STATUS_COLOR: Record<Exclude<Status, 'proposed'>, string> = {
  running: 'var(--chart-1)',
  completed: 'var(--chart-5)',
  abandoned: 'var(--chart-7)',
};

export const MINDSET_COLOR: Record<Mindset | NotSet, string> = {
  automate: 'var(--chart-3)',
  accelerate: 'var(--chart-efficiency)',
  new_capability: 'var(--chart-capability)',
  // Neutral grey: no mindset was chosen yet.
  not_set: 'var(--chart-7)',
};

export const OUTCOME_TYPE_COLOR: Record<OutcomeType, string> = {
  new_capability: 'var(--chart-capability)',
  insight: 'var(--chart-1)',
  synthesis: 'var(--chart-2)',
  problem_solving: 'var(--chart-4)',
  quality_uplift: 'var(--chart-5)',
};
