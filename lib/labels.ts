import type { AccessChannel } from '@/db/schema/experiment-models';
/** The words the product uses for each enum value, everywhere (pages, exports, reports). */
export const WORK_TYPE_LABEL = {
  writing: 'Writing',
  analysis: 'Analysis',
  coding: 'Coding',
  research: 'Research',
  customer_support: 'Customer support',
  design: 'Design',
  operations: 'Operations',
  other: 'Other',
} as const;

export const MINDSET_LABEL = {
  automate: 'Automate an existing task',
  accelerate: 'Accelerate an existing task',
  new_capability: 'Create a new capability',
} as const;

export const MINDSET_SHORT = { automate: 'Automate', accelerate: 'Accelerate', new_capability: 'New capability' } as const;

export const MINDSET_EXPLAIN = {
  automate: 'The AI does a task people did before, so they no longer do it.',
  accelerate: 'People still do the task, faster or better with AI.',
  new_capability: 'Something the team could not do before at all: new insight, synthesis or problem solving.',
} as const;

export const STATUS_LABEL = { proposed: 'Proposed', running: 'Running', completed: 'Completed', abandoned: 'Abandoned' } as const;

/** Access channels of a model link (db/schema/experiment-models.ts), as the form and exports say them. */
export const CHANNEL_LABEL = {
  consumer_free: 'Consumer app (free)',
  consumer_paid: 'Consumer app (paid)',
  api: 'API',
  enterprise: 'Enterprise or workspace plan',
  self_hosted: 'Self-hosted',
} as const satisfies Record<AccessChannel, string>;
/** Form fields `channel-<model id>`: each picked model's access channel. */
export const CHANNEL_FIELD_PREFIX = 'channel-';
export const SENSITIVITY_LABEL = { public: 'Public', internal: 'Internal', confidential: 'Confidential', restricted: 'Restricted' } as const;

export const CONCLUSION_LABEL = { worked: 'Worked', partly: 'Partly worked', did_not_work: 'Did not work', inconclusive: 'Inconclusive' } as const;

export const OUTCOME_TYPE_LABEL = {
  new_capability: 'New capability',
  insight: 'Insight',
  synthesis: 'Synthesis',
  problem_solving: 'New problem-solving approach',
  quality_uplift: 'Quality uplift',
} as const;

/** A technique: a reusable prompt, or a way of working with AI (db/schema/techniques.ts). */
export const TECHNIQUE_KIND_LABEL = { prompt_pattern: 'Prompt pattern', workflow: 'Workflow' } as const;

export const DATA_POLICY_LABEL = {
  trains: 'Trains on user data by default',
  no_training: 'Does not train on API data',
  unknown: 'Unknown / depends on host',
} as const;

/** A data-use policy on one access channel (not only the API), as a short yes / no / unknown. */
export const POLICY_LABEL = { trains: 'Yes, by default', no_training: 'No', unknown: 'Unknown' } as const;

export const ROLE_LABEL = { admin: 'Admin', lead: 'Team lead', executive: 'Executive' } as const;

/** What a choice nobody has made yet reads as (work type, mindset, data sensitivity after quick capture). */
export const NOT_SET_LABEL = 'Not set';

import { NOT_SET } from '@/lib/metrics/not-set';

export { NOT_SET, type NotSet } from '@/lib/metrics/not-set';

/** The label of an optional coded value: "Not set" for null. */
export const labelOrNotSet = <K extends string>(labels: Record<K, string>, value: K | null | undefined): string =>
  value == null ? NOT_SET_LABEL : labels[value];

/** The labels of the filter choices, where "not set" is a value one can filter by. */
export const MINDSET_SHORT_OR_NOT_SET = { ...MINDSET_SHORT, [NOT_SET]: NOT_SET_LABEL } as const;
export const WORK_TYPE_OR_NOT_SET = { ...WORK_TYPE_LABEL, [NOT_SET]: NOT_SET_LABEL } as const;
export const SENSITIVITY_OR_NOT_SET = { ...SENSITIVITY_LABEL, [NOT_SET]: NOT_SET_LABEL } as const;
