/**
 * The definition of every dashboard figure, shown on the page next to the figure (and in the
 * definitions list at its foot). db/queries/dashboard-*.ts implement exactly these.
 */
export const DEFINITIONS = {
  active:
    'An experiment (not archived) whose running interval — start date to end date, or to today while running — overlaps the period. Proposed experiments have not started and are never active.',
  completed: 'Status completed with its end date inside the period.',
  teams: 'Teams with at least one experiment active in the period, of all teams in the current selection.',
  outcomes: 'Capability outcomes recorded (by their recorded date) in the period, with their average impact (1–5).',
  hoursSaved:
    'Per experiment: (hours per task before − hours with AI) × tasks per month, from its latest check-in or else its own figures. For a period: the sum over experiments active in it — a monthly run-rate, not multiplied by months.',
  spend:
    'The same monthly run-rate for AI spend (latest check-in, else the experiment’s own figure), summed over experiments active in the period. One-off spend is shown separately: the total whose date falls in the period.',
  augmentationShare:
    'Experiments active in the period whose mindset is “create a new capability” ÷ all active experiments (those whose mindset is not set yet included). One figure for the whole period: the mindset mix and the insights’ shift measure other sets (below).',
  mindsetMix:
    'Per month: experiments active in that month by mindset ÷ all active that month; an experiment whose mindset nobody chose yet (quick capture) counts as “not set”, never as a guessed mindset. Each bar is the augmentation share of its own month, so it equals the card only for a one-month period.',
  newCapabilityShift:
    'Experiments started this quarter (a proposed one: by its creation date) whose mindset is “create a new capability” ÷ all started this quarter (“not set” ones included), against the same quarter a year earlier (else the earliest quarter with data). It looks at new experiments by quarter, for the selected teams only, whatever the period: a different measure from the augmentation share.',
  exploringShare:
    'Experiments active in the period marked as an exploration (open-ended, with no target metric) ÷ all active experiments. Explorations are never asked for capability evidence; one that graduates to a measured experiment leaves this share.',
  evidenceShare: 'Completed experiments (in the period) with at least one capability outcome ÷ all experiments completed in the period.',
  previousPeriod: 'The period of the same length just before the selected one.',
  modelUsage:
    'Experiments active in the period that used the model (primary or compared) and their monthly spend run-rate; an experiment that used several models counts for each of them.',
  quality: 'Average quality score (1–5) before AI and with AI (latest check-in, else the experiment’s own), over active experiments that scored both.',
  activeUsers:
    'From imported usage (Copilot, OpenAI, Anthropic, LiteLLM, CSV): the highest number of active users any one source reported for one day, one team and one model within the period (or week, or month). Never summed across days, teams or models, since the same person is counted on each; the sources give no distinct count over a period, so this is the daily maximum.',
  billedSpend:
    'What the imported usage cost, converted into the organisation’s currency at the rate an admin set for each month (shown with the figure). A bill in another currency with no rate for its month is not converted: it is left out of the figure and flagged beside it, never guessed.',
  billedVsReported:
    'Billed: the imported usage mapped to the team, converted as above. Reported: the dashboard’s spend run-rate of the team’s experiments active each month (latest check-in, else the experiment’s own figure), summed over the period’s months; a month the period covers in part counts in proportion to its days. Gap: billed − reported, explained as usage outside any experiment, experiments without billed usage, or unmapped usage. Filters on experiments only (work type, status…) narrow the reported side only.',
} as const;

export type DefinitionKey = keyof typeof DEFINITIONS;

export const DEFINITION_TITLE: Record<DefinitionKey, string> = {
  active: 'Active in a period',
  completed: 'Completed in a period',
  teams: 'Teams experimenting',
  outcomes: 'Capability outcomes',
  hoursSaved: 'Hours saved per month',
  spend: 'AI spend per month',
  augmentationShare: 'Augmentation share',
  mindsetMix: 'Mindset mix (per month)',
  newCapabilityShift: 'New experiments aiming at a new capability (per quarter)',
  exploringShare: 'Exploring share',
  evidenceShare: 'Capability evidence share',
  previousPeriod: 'Previous period',
  modelUsage: 'Model usage',
  quality: 'Quality before vs after',
  activeUsers: 'Active users (adoption telemetry)',
  billedSpend: 'Billed spend',
  billedVsReported: 'Billed versus reported spend',
};
