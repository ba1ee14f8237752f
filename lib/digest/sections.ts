/**
 * The digest as titled sections of lines, shared by the email (./render.ts) and the /digest page, so both say
 * the same thing. Pure.
 */
import type { Digest, DigestConcentration } from '@/db/queries/alerts/digest';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { billedConcentrationText } from '@/lib/metrics/concentration';

export type DigestLine = { text: string; detail?: string; link?: string };
/** `count`: how many items the section has (its lines may stop short, see SECTION_LINES). */
export type DigestSection = { id: string; title: string; count: number; lines: DigestLine[] };

const usd = (n: number) => `$${n.toFixed(2)}`;

/** At most this many lines per alert section; the rest is one line pointing where they all are. */
export const SECTION_LINES = 10;

function capped(lines: DigestLine[], where: { text: string; link: string }): DigestLine[] {
  if (lines.length <= SECTION_LINES) return lines;
  return [...lines.slice(0, SECTION_LINES), { text: `…and ${lines.length - SECTION_LINES} more ${where.text}`, link: where.link }];
}
const item = (i: { title: string; body: string; link: string }): DigestLine => ({ text: i.title, detail: i.body, link: i.link });

/** Vendors named in the concentration line; the rest are summed as "others". */
export const CONCENTRATION_VENDORS = 3;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The dashboard's sentence, then whose bills over which days, split by vendor. */
function concentrationLines(c: DigestConcentration): DigestLine[] {
  const named = c.shares.slice(0, CONCENTRATION_VENDORS).map((s) => `${s.key} ${pct(s.share)}`);
  const rest = c.shares.slice(CONCENTRATION_VENDORS);
  if (rest.length) named.push(`${rest.length} other${rest.length > 1 ? 's' : ''} ${pct(rest.reduce((t, s) => t + s.share, 0))}`);
  const whose = c.scope === 'organisation' ? 'The organisation’s' : 'Your teams’';
  return [{ text: billedConcentrationText(c.summary)!, detail: `${whose} AI bills from ${c.from} to ${c.to}: ${named.join(', ')}.`, link: '/dashboard#telemetry-heading' }];
}

export function digestSections(d: Digest): DigestSection[] {
  // Executives and admins read the whole organisation's alerts: the rest are not in their inbox.
  const orgWide = d.person.role === 'admin' || d.person.role === 'executive';
  const sections: DigestSection[] = [
    {
      id: 'outcomes',
      title: 'New capability outcomes',
      count: d.outcomes.length,
      lines: d.outcomes.map((o) => ({
        text: `${OUTCOME_TYPE_LABEL[o.type as keyof typeof OUTCOME_TYPE_LABEL] ?? o.type} in “${o.experiment}” (${o.team}), impact ${o.impact}/5`,
        detail: o.description,
        link: `/experiments/${o.experimentId}`,
      })),
    },
    {
      id: 'models',
      title: 'New models',
      count: d.newModels.length,
      lines: d.newModels.map((m) => ({ text: `${m.name} (${m.vendor}), released ${m.releaseDate}` })),
    },
    {
      id: 'prices',
      title: 'Price changes',
      count: d.priceMoves.length,
      lines: d.priceMoves.map((p) => {
        const pct = p.before > 0 ? Math.round((p.after / p.before - 1) * 100) : 0;
        return { text: `${p.model} (${p.vendor}): ${usd(p.before)} → ${usd(p.after)} per million tokens (${pct > 0 ? '+' : ''}${pct}%) from ${p.effectiveDate}` };
      }),
    },
    { id: 'retest', title: 'Re-test candidates', count: d.retest.length, lines: capped(d.retest.map(item), { text: 'on the re-test radar', link: '/insights' }) },
    { id: 'privacy', title: 'Privacy flags', count: d.privacy.length, lines: capped(d.privacy.map(item), { text: 'on Insights', link: '/insights' }) },
    {
      id: 'attention',
      title: 'Needs attention',
      count: d.attention.length,
      lines: capped(d.attention.map(item), orgWide ? { text: 'among the running experiments', link: '/experiments?status=running' } : { text: 'in your alerts', link: '/inbox' }),
    },
    { id: 'concentration', title: 'Concentration', count: d.concentration ? 1 : 0, lines: d.concentration ? concentrationLines(d.concentration) : [] },
  ];
  return sections.filter((s) => s.lines.length);
}
