import type { DemoTeamKey } from './demo-org';
import type { Mindset, WorkType } from '../schema/experiments';
import type { OutcomeType } from '../schema/outcomes';

/** One realistic AI use case; the generator turns each into one or two dated experiments. */
export type DemoTemplate = {
  team: DemoTeamKey;
  title: string;
  workType: WorkType;
  mindset: Mindset;
  description: string;
  /** hours per task before, with AI, tasks per month */
  efficiency: [number, number, number];
  outcomes: [OutcomeType, string][];
  learning: string;
};

const t = (
  team: DemoTeamKey,
  title: string,
  workType: WorkType,
  mindset: Mindset,
  description: string,
  efficiency: [number, number, number],
  outcomes: [OutcomeType, string][],
  learning: string,
): DemoTemplate => ({ team, title, workType, mindset, description, efficiency, outcomes, learning });

export const DEMO_TEMPLATES: DemoTemplate[] = [
  t('support', 'Draft first replies to tier-1 tickets', 'customer_support', 'automate', 'The model drafts a reply from the ticket and the help centre; an agent edits and sends.', [0.4, 0.15, 900], [['quality_uplift', 'Replies now cite the exact help-centre article, which cut follow-up questions.']], 'Agents trust drafts more when the source article is linked.'),
  t('support', 'Summarise long escalation threads', 'customer_support', 'accelerate', 'Escalations arrive with a five-line summary of the thread and the customer history.', [0.6, 0.2, 160], [['synthesis', 'Tier-2 engineers see the full history of a case in one paragraph.']], 'Summaries must keep dates; early prompts dropped them.'),
  t('support', 'Detect emerging product issues from tickets', 'analysis', 'new_capability', 'Weekly clustering of all tickets surfaces new problems before they trend.', [6, 1, 4], [['insight', 'Spotted a billing bug from 40 tickets two weeks before the dashboard alarm.'], ['new_capability', 'Product now gets a weekly "what customers are struggling with" brief.']], 'Clusters need a human name before they go to product.'),
  t('support', 'Multilingual support without new hires', 'customer_support', 'new_capability', 'Agents answer Portuguese and Polish tickets with model translation and a glossary.', [1.2, 0.5, 120], [['new_capability', 'We now serve two markets we could not staff before.']], 'A glossary of product terms fixed most translation errors.'),
  t('finance', 'Month-end variance commentary', 'writing', 'automate', 'The model drafts the variance commentary from the ledger extract for each cost centre.', [3, 1, 30], [['quality_uplift', 'Commentary is consistent across cost centres for the first time.']], 'Give it last month\'s approved commentary as a style guide.'),
  t('finance', 'Invoice exception triage', 'operations', 'automate', 'Exceptions from the matching engine are classified and routed with a suggested fix.', [0.3, 0.1, 1200], [], 'Routing accuracy plateaued at 92%; the rest stays manual.'),
  t('finance', 'Scenario analysis for the board pack', 'analysis', 'new_capability', 'Analysts ask for ten scenarios instead of three, with the model writing the reasoning for each.', [12, 4, 2], [['problem_solving', 'The board saw ten funding scenarios with explicit assumptions.'], ['insight', 'Found a cash-flow pinch in Q3 under two scenarios nobody had modelled.']], 'Reasoning mode was needed; the fast model made arithmetic slips.'),
  t('finance', 'Contract-to-revenue schedule extraction', 'analysis', 'accelerate', 'Revenue schedules are extracted from signed contracts and checked against billing.', [2, 0.5, 40], [['quality_uplift', 'Two mis-billed contracts found in the first month.']], 'Scanned PDFs need OCR first.'),
  t('marketing', 'Campaign copy variants', 'writing', 'accelerate', 'Ten on-brand variants per channel instead of two, tested in the ad platform.', [4, 1.5, 20], [['quality_uplift', 'Click-through up on the variants written with the tone guide.']], 'The tone guide in the prompt matters more than the model.'),
  t('marketing', 'Competitor launch monitoring', 'research', 'new_capability', 'Daily digest of competitors\' releases, pricing pages and reviews.', [5, 0.5, 8], [['insight', 'We reacted to a competitor\'s price change within a day.'], ['new_capability', 'A standing competitive-intelligence feed without an analyst.']], 'Sources must be linked or the digest is not trusted.'),
  t('marketing', 'Localise product pages into six languages', 'writing', 'automate', 'Machine-translated product pages reviewed by regional marketers.', [6, 2, 10], [], 'Review time dominates; translation itself is instant.'),
  t('marketing', 'Customer interview synthesis', 'research', 'new_capability', 'Forty interview transcripts synthesised into themes with quotes.', [20, 4, 1], [['synthesis', 'Forty interviews synthesised in an afternoon, with quotes for each theme.']], 'Ask for counter-evidence for each theme.'),
  t('engineering', 'Code review assistant', 'coding', 'accelerate', 'The model comments on pull requests before a human reviewer.', [0.8, 0.5, 400], [['quality_uplift', 'Catches missing tests and null checks before review.']], 'Noise drops when it only comments on changed lines.'),
  t('engineering', 'Legacy COBOL migration analysis', 'coding', 'new_capability', 'Explain and map a 30-year-old billing module to a service design.', [40, 10, 1], [['problem_solving', 'First complete map of the billing module\'s rules.'], ['new_capability', 'We can now plan the migration without the two retired experts.']], 'Long-context models were needed for whole files.'),
  t('engineering', 'Incident post-mortem drafts', 'writing', 'automate', 'Post-mortem drafts from the incident channel and the timeline.', [3, 1, 6], [], 'Drafts are good; root cause still needs people.'),
  t('engineering', 'Test generation for the payments service', 'coding', 'accelerate', 'Unit tests generated for untested branches, reviewed by engineers.', [2, 0.7, 30], [['quality_uplift', 'Branch coverage of the payments service from 54% to 81%.']], 'Generated tests need a human to name what they prove.'),
  t('engineering', 'Architecture decision records from discussions', 'writing', 'accelerate', 'ADRs drafted from design threads and meeting notes.', [4, 1, 4], [['synthesis', 'Decisions now have a written rationale within a day.']], 'Works when the thread is in one place.'),
  t('legal', 'Contract clause comparison', 'analysis', 'accelerate', 'Incoming contracts compared with our standard clauses, deviations highlighted.', [3, 1, 50], [['quality_uplift', 'Non-standard indemnity clauses no longer slip through.']], 'Needs the playbook as context; without it the model is vague.'),
  t('legal', 'Regulatory change monitoring', 'research', 'new_capability', 'Weekly brief on regulatory changes in our 12 markets with their impact.', [10, 2, 4], [['insight', 'Flagged a data-residency rule in one market three months before it applied.'], ['new_capability', 'Coverage of markets we never monitored systematically.']], 'A lawyer signs off every brief.'),
  t('legal', 'NDA first-pass review', 'operations', 'automate', 'Standard NDAs reviewed and approved when they match the template.', [0.5, 0.1, 80], [], 'Confidential data: run only on the approved enterprise deployment.'),
  t('people', 'Job description drafts', 'writing', 'automate', 'Inclusive job descriptions drafted from the role profile.', [2, 0.5, 15], [], 'Bias check prompts caught gendered wording.'),
  t('people', 'Engagement survey comment analysis', 'analysis', 'new_capability', 'All 6,000 free-text comments read and themed per department.', [30, 3, 1], [['insight', 'Workload complaints concentrated in two teams, invisible in the scores.'], ['synthesis', 'Every comment read, not a sample.']], 'Anonymisation before sending is mandatory.'),
  t('people', 'Onboarding assistant for new hires', 'customer_support', 'accelerate', 'New hires ask the assistant about policies instead of HR.', [0.3, 0.05, 200], [['quality_uplift', 'New hires get answers at any hour with the policy linked.']], 'Policies must be current or answers are wrong.'),
  t('research', 'Market sizing with cited sources', 'research', 'new_capability', 'Bottom-up market sizing for new segments with every figure cited.', [25, 5, 2], [['problem_solving', 'Sized three adjacent markets in a week.'], ['insight', 'One segment is half the size the strategy assumed.']], 'Citations must be checked; 1 in 10 was wrong.'),
  t('research', 'Scientific literature scan', 'research', 'new_capability', 'PhD-level summaries of new papers relevant to our products.', [8, 1, 10], [['synthesis', 'A monthly digest of 200 papers reduced to what matters to us.'], ['new_capability', 'Teams without scientists can follow the research.']], 'Reasoning models were markedly better on methods sections.'),
  t('research', 'Strategy memo red-teaming', 'analysis', 'new_capability', 'The model argues against each strategy memo before it goes to the leadership team.', [6, 2, 3], [['problem_solving', 'Two memos were revised after the red team found unstated assumptions.']], 'Ask for the strongest counter-argument, not a list.'),
  t('finance', 'Expense policy Q&A bot', 'customer_support', 'automate', 'Employees ask the bot instead of finance.', [0.2, 0.05, 300], [], 'Deflected 60% of questions.'),
  t('support', 'Call transcript quality scoring', 'analysis', 'accelerate', 'Every call scored against the quality rubric instead of 2% sampled.', [0.5, 0.05, 600], [['insight', 'Coaching now targets the three rubric items most often missed.']], 'Scores agree with human raters 85% of the time.'),
  t('marketing', 'Image concepts for campaigns', 'design', 'accelerate', 'Concept images for briefs before the agency starts.', [6, 2, 6], [['quality_uplift', 'Briefs to the agency are clearer, with fewer rounds.']], 'Licensing terms checked before any public use.'),
  t('engineering', 'On-call runbook assistant', 'operations', 'accelerate', 'On-call engineers query runbooks and past incidents in plain language.', [1, 0.4, 40], [['quality_uplift', 'Mean time to mitigate down for known failure modes.']], 'Runbooks had to be cleaned up first.'),
];
