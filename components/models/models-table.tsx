import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate, formatFlop, formatUsd } from '@/lib/format';
import { DATA_POLICY_LABEL } from '@/lib/labels';
import { effortLabel, formatScore, NOT_MEASURED } from '@/lib/catalog/benchmark-axis';
import type { ChargedPrice, PriceTier } from '@/lib/catalog/price-tiers';
import type { CapabilityScore, CatalogEntry, SortKey } from '@/lib/metrics/catalog';
import { sourceText } from '@/lib/sources';
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

const scoreTitle = (c: CapabilityScore | null) =>
  c ? `Source: ${sourceText(c.source)}${c.externalId ? `, as ${c.externalId}` : ''}${c.effort ? ` (${effortLabel(c.effort)})` : ''}${c.retrievedOn ? `, retrieved ${c.retrievedOn}` : ''}` : 'No score from Epoch AI yet';

/** Today's charged price when a promotion runs, with the list price under it. */
function PriceCell({ charged, list, source }: { charged: number | undefined; list: number | undefined; source: string | undefined }) {
  const promo = charged != null && list != null && charged !== list;
  return (
    <Td className="text-right tabular-nums" title={`Source: ${sourceText(source)}`}>
      {formatUsd(promo ? charged : list)}
      {promo ? <div className="text-xs text-muted-foreground line-through">{formatUsd(list)}</div> : null}
    </Td>
  );
}

const COLUMNS: { key: SortKey; label: string; right?: boolean; title?: string }[] = [
  { key: 'name', label: 'Model' },
  { key: 'vendor', label: 'Vendor' },
  { key: 'release', label: 'Released' },
  { key: 'input', label: 'Input USD/M', right: true, title: 'List price per million input tokens in force today' },
  { key: 'output', label: 'Output USD/M', right: true, title: 'List price per million output tokens in force today' },
  { key: 'blended', label: 'Blended USD/M (3:1)', right: true, title: '(3 × input + output) ÷ 4' },
  { key: 'score', label: 'Capability', right: true },
  { key: 'compute', label: 'Training compute' },
];

/** The catalog table: headers are links that sort (server-side, in the URL); each number's source is in its tooltip. */
export function ModelsTable({ rows, sort, dir, sortHref, axis }: Props) {
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
          {COLUMNS.map((c) => (c.key === 'score' ? header(c.key, axis?.name ?? c.label, true, 'Best score across reasoning efforts') : header(c.key, c.label, c.right, c.title)))}
          <Th title="Prices beside the list price, in force today">Other prices USD/M</Th>
          <Th>Generation</Th>
          <Th>Data use (paid API)</Th>
          {header('experiments', 'Our experiments', true)}
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
                {m.reasoning ? <Badge>reasoning</Badge> : null}
                {m.openWeights ? <Badge>open weights</Badge> : null}
              </div>
            </Td>
            <Td>{m.vendor}</Td>
            <Td className="whitespace-nowrap">{formatDate(m.releaseDate)}</Td>
            <PriceCell charged={m.charged?.input} list={m.current?.input} source={m.current?.source} />
            <PriceCell charged={m.charged?.output} list={m.current?.output} source={m.current?.source} />
            <Td className="text-right tabular-nums">{formatUsd(m.currentBlended)}</Td>
            <Td className="text-right tabular-nums" title={scoreTitle(m.capability)} data-testid="capability-cell">
              {m.score == null ? <span className="whitespace-nowrap text-xs text-muted-foreground">{NOT_MEASURED}</span> : formatScore(axis?.unit ?? 'percent', m.score)}
            </Td>
            <Td className="whitespace-nowrap tabular-nums" title={`Source: ${sourceText(m.trainingFlopSource)}`}>
              {formatFlop(m.trainingFlop)}
            </Td>
            <PriceTiersCell tiers={m.tiers} promotionalUntil={m.charged?.promotionalUntil ?? null} />
            <Td className="text-xs">{m.generation?.label ?? '—'}</Td>
            <Td className="text-xs" title={`Source: ${sourceText(m.dataPolicySource)}`}>
              {DATA_POLICY_LABEL[m.dataPolicy]}
            </Td>
            <Td className="text-right tabular-nums">{m.experiments}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
