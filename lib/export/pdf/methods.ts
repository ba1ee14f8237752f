import { DEFINITION_TITLE, DEFINITIONS, type DefinitionKey } from '@/lib/metrics/definitions';

/**
 * The report's methods page: the dashboard's own definitions of every figure (lib/metrics/definitions.ts),
 * word for word, then the terms the report adds and where the data comes from.
 */
export const METHODS: { term: string; definition: string }[] = [
  // The standard PDF fonts have no minus sign (U+2212): write a hyphen-minus.
  ...(Object.keys(DEFINITIONS) as DefinitionKey[]).map((k) => ({ term: DEFINITION_TITLE[k], definition: DEFINITIONS[k].replace(/\u2212/g, '-') })),
  { term: 'Capability outcome', definition: 'Something an experiment made possible that was not possible before (new capability, insight, synthesis, problem solving, quality uplift), rated for impact from 1 to 5 by the team and dated when recorded. High impact means 4 or 5.' },
  { term: 'Mindset', definition: 'Automate (a person no longer does the task), accelerate (the same work, faster) or new capability (work that was not done before), chosen by the team for each experiment.' },
  { term: 'Re-test candidate', definition: 'An ended experiment blocked because the model was not capable enough, where a model released after it ended scores higher than every model it used on the benchmark the team named, reaches the bar the team set, and, with a price ceiling, costs no more (blended price, 3 input : 1 output).' },
  { term: 'Privacy flag', definition: 'Confidential or restricted data sent to a model whose provider trains on customer data by default or whose policy is unknown, without a recorded mitigation.' },
  { term: 'Sources', definition: 'Experiments, outcomes and check-ins are entered by the teams in Uplift. Model release dates, prices, benchmark scores and data policies come from the reference catalog shipped with Uplift, with the source of each value kept in the catalog (for example, vendor pricing pages and published benchmark results).' },
];
