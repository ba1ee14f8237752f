/**
 * The digest as titled sections of lines, shared by the email (./render.ts) and the /digest page, so both say
 * the same thing. Pure.
 */
import type { Digest } from '@/db/queries/alerts/digest';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';

export type DigestLine = { text: string; detail?: string; link?: string };
export type DigestSection = { id: string; title: string; lines: DigestLine[] };

const usd = (n: number) => `$${n.toFixed(2)}`;

export function digestSections(d: Digest): DigestSection[] {
  const sections: DigestSection[] = [
    {
      id: 'outcomes',
      title: 'New capability outcomes',
      lines: d.outcomes.map((o) => ({
        text: `${OUTCOME_TYPE_LABEL[o.type as keyof typeof OUTCOME_TYPE_LABEL] ?? o.type} in “${o.experiment}” (${o.team}), impact ${o.impact}/5`,
        detail: o.description,
        link: `/experiments/${o.experimentId}`,
      })),
    },
    {
      id: 'models',
      title: 'New models',
      lines: d.newModels.map((m) => ({ text: `${m.name} (${m.vendor}), released ${m.releaseDate}` })),
    },
    {
      id: 'prices',
      title: 'Price changes',
      lines: d.priceMoves.map((p) => {
        const pct = p.before > 0 ? Math.round((p.after / p.before - 1) * 100) : 0;
        return { text: `${p.model} (${p.vendor}): ${usd(p.before)} → ${usd(p.after)} per million tokens (${pct > 0 ? '+' : ''}${pct}%) from ${p.effectiveDate}` };
      }),
    },
    { id: 'retest', title: 'Re-test candidates', lines: d.retest.map((i) => ({ text: i.title, detail: i.body, link: i.link })) },
    { id: 'privacy', title: 'Privacy flags', lines: d.privacy.map((i) => ({ text: i.title, detail: i.body, link: i.link })) },
    { id: 'attention', title: 'Needs attention', lines: d.attention.map((i) => ({ text: i.title, detail: i.body, link: i.link })) },
  ];
  return sections.filter((s) => s.lines.length);
}
