import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { capabilityOutcomes, experiments, techniques } from '../schema';
import type { Db } from '../types';

/**
 * The demo's explorations and techniques (issue 23 §2, §3), added after the generated experiments without
 * drawing from the demo's random stream, so every other figure of the demo stays as it was.
 */
const EXPLORATIONS = ['Customer interview synthesis', 'Scientific literature scan', 'Architecture decision records from discussions'];

/** A technique per template title: [kind, title, how to use it, the prompt]. */
const TECHNIQUES: Record<string, ['prompt_pattern' | 'workflow', string, string, string]> = {
  'Draft first replies to tier-1 tickets': [
    'prompt_pattern',
    'Cite the help-centre article',
    'Give the model the ticket and the three closest help-centre articles; ask for a reply that links the one it used. Agents check the link before sending.',
    'You are a support agent. Using only the articles below, draft a reply to the ticket. End with the link of the article you relied on. If none answers it, say so.\n\nArticles:\n{{articles}}\n\nTicket:\n{{ticket}}',
  ],
  'Month-end variance commentary': [
    'workflow',
    'Numbers first, words second',
    'Export the variance table, let the model draft one sentence per line above the threshold, then have the controller reorder by materiality. The model never computes a figure.',
    '',
  ],
  'Code review assistant': [
    'prompt_pattern',
    'Review against the checklist',
    'Paste the team checklist above the diff so comments follow house rules instead of generic style advice.',
    'Review this diff against our checklist. For each finding give the file, the line and the checklist item. Skip style nits the linter catches.\n\nChecklist:\n{{checklist}}\n\nDiff:\n{{diff}}',
  ],
  'Contract clause comparison': [
    'workflow',
    'Playbook-first clause review',
    'Load the legal playbook position for each clause type; the model flags deviations and a lawyer decides. Keeps the model from inventing a position.',
    '',
  ],
  'Scientific literature scan': [
    'prompt_pattern',
    'Quote before you summarise',
    'Ask for the verbatim sentence supporting each claim with its DOI; discard claims without one.',
    'For each finding, quote the sentence from the paper that supports it and give the DOI. Only then summarise the finding in one line.',
  ],
};

export async function seedDemoPlaybook(tx: Db): Promise<void> {
  // Explorations: the first not-yet-completed experiment of each open-ended use case.
  for (const title of EXPLORATIONS) {
    const [row] = await tx
      .select({ id: experiments.id })
      .from(experiments)
      .where(and(like(experiments.title, `${title}%`), inArray(experiments.status, ['proposed', 'running'])))
      .orderBy(asc(experiments.id))
      .limit(1);
    if (row) await tx.update(experiments).set({ exploration: true, targetMetric: '' }).where(eq(experiments.id, row.id));
  }
  // Techniques: on the first completed experiment of the use case, linked to its first outcome.
  for (const [title, [kind, name, description, promptText]] of Object.entries(TECHNIQUES)) {
    const [row] = await tx
      .select({ id: experiments.id, ownerId: experiments.ownerId })
      .from(experiments)
      .where(and(like(experiments.title, `${title}%`), eq(experiments.status, 'completed')))
      .orderBy(asc(experiments.id))
      .limit(1);
    if (!row) continue;
    const [outcome] = await tx.select({ id: capabilityOutcomes.id }).from(capabilityOutcomes).where(eq(capabilityOutcomes.experimentId, row.id)).orderBy(asc(capabilityOutcomes.id)).limit(1);
    await tx.insert(techniques).values({ experimentId: row.id, kind, title: name, description, promptText, outcomeId: outcome?.id ?? null, createdBy: row.ownerId });
  }
}
