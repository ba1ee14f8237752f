import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { getFormat } from '@/i18n/format';
import { getScoreText } from '@/components/charts/score-text';
import type { ChargedPrice, PriceTier } from '@/lib/catalog/price-tiers';
import type { CapabilityScore, CatalogEntry, SortKey } from '@/lib/metrics/catalog';
import { sourceText } from '@/lib/sources';
import { sourceWordsIn } from './source-words';
import { getEffortLabel } from './effort-label';
import { PriceTiersCell } from './price-tiers-cell';

export type ModelsTableRow = CatalogEntry & {
  priceSource: string | null;
  trainingFlopSource: string | null;
  dataPolicySource: string | null;
  capability: CapabilityScore | null;
  tiers: PriceTier[];
  charged: ChargedPrice | null;
};

type Props = {
  rows: ModelsTableRow[];
  sort: SortKey;
  dir: 'asc' | 'desc';
  sortHref: (key: SortKey, dir: 'asc' | 'desc') => string;
  /** The benchmark in the capability column. */
  axis: { key: string; name: string; unit: string } | null;
};

type ColumnKey = 'name' | 'vendor' | 'release' | 'input' | 'output' | 'blended' | 'score' | 'compute';
const COLUMNS: { key: ColumnKey; right?: boolean; title?: boolean }[] = [
  { key: 'name' },
  { key: 'vendor' },
  { key: 'release' },
  { key: 'input', right: true, title: true },
  { key: 'output', right: true, title: true },
  { key: 'blended', right: true, title: true },
  { key: 'score', right: true },
  { key: 'compute' },
];

/** The catalog table: headers are links that sort (server-side, in the URL); each number's source is in its tooltip. */
export async function ModelsTable({ rows, sort, dir, sortHref, axis }: Props) {
  const [t, tm, tl, f, effortLabel, scoreText] = await Promise.all([
    getTranslations('models.table'),
    getTranslations('models'),
    getTranslations('labels'),
    getFormat(),
    getEffortLabel(),
    getScoreText(),
  ]);
  const sourceWords = sourceWordsIn(tm);
  const sourceTitle = (v: string | null | undefined) => t('source', { source: sourceText(v, sourceWords) });
  const scoreTitle = (c: CapabilityScore | null) =>
    c
      ? `${sourceTitle(c.source)}${c.externalId ? t('asId', { id: c.externalId }) : ''}${c.effort ? ` (${effortLabel(c.effort)})` : ''}${c.retrievedOn ? t('retrieved', { date: c.retrievedOn }) : ''}`
      : t('noScore');

  /** Today's charged price when a promotion runs, with the list price under it. */
  const priceCell = (charged: number | undefined, list: number | undefined, source: string | undefined) => {
    const promo = charged != null && list != null && charged !== list;
    return (
      <Td className="num" title={sourceTitle(source)}>
        {f.formatUsd(promo ? charged : list)}
        {promo ? <div className="text-xs text-muted-foreground line-through">{f.formatUsd(list)}</div> : null}
      </Td>
    );
  };

  const header = (key: SortKey, label: string, right?: boolean, title?: string) => {
    const active = sort === key;
    const next = active && dir === 'asc' ? 'desc' : 'asc';
    return (
      <Th key={key} className={right ? 'text-right' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined} title={title}>
        <Link href={sortHref(key, next)} className="hover:underline">
          {label}
          {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </Link>
      </Th>
    );
  };
  return (
    <Table data-testid="models-table">
      <thead>
        <tr>
          {COLUMNS.map((c) =>
            c.key === 'score'
              ? header(c.key, axis?.name ?? t('columns.score'), true, t('bestScore'))
              : header(c.key, t(`columns.${c.key}`), c.right, c.title ? t(`titles.${c.key as 'input' | 'output' | 'blended'}`) : undefined),
          )}
          <Th title={t('otherPricesTitle')}>{t('otherPrices')}</Th>
          <Th>{t('generation')}</Th>
          <Th>{t('dataUse')}</Th>
          {header('experiments', t('experiments'), true)}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id} data-testid={`model-row-${m.slug}`}>
            <Td className="font-medium">
              <Link href={`/models/${m.slug}`} className="hover:underline">
                {m.name}
              </Link>
              <div className="mt-1 flex gap-1">
                {m.reasoning ? <Badge>{tm('badges.reasoning')}</Badge> : null}
                {m.openWeights ? <Badge>{tm('badges.openWeights')}</Badge> : null}
              </div>
            </Td>
            <Td>{m.vendor}</Td>
            <Td className="whitespace-nowrap">{f.formatDate(m.releaseDate)}</Td>
            {priceCell(m.charged?.input, m.current?.input, m.current?.source)}
            {priceCell(m.charged?.output, m.current?.output, m.current?.source)}
            <Td className="num">{f.formatUsd(m.currentBlended)}</Td>
            <Td className="num" title={scoreTitle(m.capability)} data-testid="capability-cell">
              {m.score == null ? <span className="whitespace-nowrap text-xs text-muted-foreground">{tm('notMeasured')}</span> : scoreText.score(axis?.unit ?? 'percent', m.score)}
            </Td>
            <Td className="whitespace-nowrap tabular-nums" title={sourceTitle(m.trainingFlopSource)}>
              {f.formatFlop(m.trainingFlop)}
            </Td>
            <PriceTiersCell tiers={m.tiers} promotionalUntil={m.charged?.promotionalUntil ?? null} />
            <Td className="text-xs">{m.generation ? tm(`generations.${m.generation.key}`) : '—'}</Td>
            <Td className="text-xs" title={sourceTitle(m.dataPolicySource)}>
              {tl(`dataPolicy.${m.dataPolicy}`)}
            </Td>
            <Td className="num">{m.experiments}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
