/**
 * The digest as titled sections of lines, shared by the email (./render.ts) and the /digest page, so both say
 * the same thing. Pure.
 */
import type { Digest, DigestConcentration, DigestItem } from '@/db/queries/alerts/digest';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { alertText } from '@/lib/metrics/alert-text';
import { billedConcentrationText } from '@/lib/metrics/billed-concentration-text';

export type DigestLine = { text: string; detail?: string; link?: string };
/** `count`: how many items the section has (its lines may stop short, see SECTION_LINES). */
export type DigestSection = { id: string; title: string; count: number; lines: DigestLine[] };

const usd = (n: number) => `$${n.toFixed(2)}`;

/** At most this many lines per alert section; the rest is one line pointing where they all are. */
export const SECTION_LINES = 10;

type Words = ReturnType<typeof translatorFor<'email'>>;
type More = 'retest' | 'privacy' | 'running' | 'inbox';

function capped(t: Words, lines: DigestLine[], where: { more: More; link: string }): DigestLine[] {
  if (lines.length <= SECTION_LINES) return lines;
  return [...lines.slice(0, SECTION_LINES), { text: t(`digest.more.${where.more}`, { count: lines.length - SECTION_LINES }), link: where.link }];
}
/** An alert in the reader's language, from its message when it has one (alert-text.ts), else its English. */
function item(i: DigestItem, locale: Locale): DigestLine {
  const { title, body } = i.message ? alertText(i.message, locale, i.reader) : i;
  return { text: title, detail: body, link: i.link };
}

/** Vendors named in the concentration line; the rest are summed as "others". */
export const CONCENTRATION_VENDORS = 3;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The dashboard's sentence, then whose bills over which days, split by vendor. */
function concentrationLines(t: Words, c: DigestConcentration, locale: Locale): DigestLine[] {
  const named = c.shares.slice(0, CONCENTRATION_VENDORS).map((s) => `${s.key} ${pct(s.share)}`);
  const rest = c.shares.slice(CONCENTRATION_VENDORS);
  if (rest.length) named.push(t('digest.others', { count: rest.length, share: pct(rest.reduce((sum, s) => sum + s.share, 0)) }));
  const detail = t(c.scope === 'organisation' ? 'digest.concentrationOrg' : 'digest.concentrationTeams', { from: c.from, to: c.to, vendors: named.join(', ') });
  return [{ text: billedConcentrationText(c.summary, locale)!, detail, link: '/dashboard#telemetry-heading' }];
}

/** `locale`: the reader's language (the email: the recipient's; the page: the request's). */
export function digestSections(d: Digest, locale: Locale = 'en'): DigestSection[] {
  const t = translatorFor(locale, 'email');
  const tl = translatorFor(locale, 'labels');
  // Executives and admins read the whole organisation's alerts: the rest are not in their inbox.
  const orgWide = d.person.role === 'admin' || d.person.role === 'executive';
  const sections: DigestSection[] = [
    {
      id: 'outcomes',
      title: t('digest.sections.outcomes'),
      count: d.outcomes.length,
      lines: d.outcomes.map((o) => ({
        text: t('digest.outcomeLine', { type: o.type in OUTCOME_TYPE_LABEL ? tl(`outcomeType.${o.type as keyof typeof OUTCOME_TYPE_LABEL}`) : o.type, experiment: o.experiment, team: o.team, impact: o.impact }),
        detail: o.description,
        link: `/experiments/${o.experimentId}`,
      })),
    },
    {
      id: 'models',
      title: t('digest.sections.models'),
      count: d.newModels.length,
      lines: d.newModels.map((m) => ({ text: t('digest.modelLine', { name: m.name, vendor: m.vendor, date: m.releaseDate }) })),
    },
    {
      id: 'prices',
      title: t('digest.sections.prices'),
      count: d.priceMoves.length,
      lines: d.priceMoves.map((p) => {
        const pct = p.before > 0 ? Math.round((p.after / p.before - 1) * 100) : 0;
        return { text: t('digest.priceLine', { model: p.model, vendor: p.vendor, before: usd(p.before), after: usd(p.after), change: `${pct > 0 ? '+' : ''}${pct}%`, date: p.effectiveDate }) };
      }),
    },
    { id: 'retest', title: t('digest.sections.retest'), count: d.retest.length, lines: capped(t, d.retest.map((i) => item(i, locale)), { more: 'retest', link: '/insights' }) },
    { id: 'privacy', title: t('digest.sections.privacy'), count: d.privacy.length, lines: capped(t, d.privacy.map((i) => item(i, locale)), { more: 'privacy', link: '/insights' }) },
    {
      id: 'attention',
      title: t('digest.sections.attention'),
      count: d.attention.length,
      lines: capped(t, d.attention.map((i) => item(i, locale)), orgWide ? { more: 'running', link: '/experiments?status=running' } : { more: 'inbox', link: '/inbox' }),
    },
    { id: 'concentration', title: t('digest.sections.concentration'), count: d.concentration ? 1 : 0, lines: d.concentration ? concentrationLines(t, d.concentration, locale) : [] },
  ];
  return sections.filter((s) => s.lines.length);
}
