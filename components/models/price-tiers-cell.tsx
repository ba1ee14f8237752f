import { Td } from '@/components/ui/table';
import { formatUsd } from '@/lib/format';
import type { PriceTier } from '@/lib/catalog/price-tiers';
import { sourceText } from '@/lib/sources';

const LABEL: Record<PriceTier['tier'], string> = {
  promotional: 'Promotion',
  cached_input: 'Cached input',
  cache_write: 'Cache write',
  batch: 'Batch',
  long_context: 'Long context',
};

const tokens = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}K` : String(n));

/** One line per tier in force today (cached input, batch, long context…); a promotion names its last day. */
export function PriceTiersCell({ tiers, promotionalUntil }: { tiers: readonly PriceTier[]; promotionalUntil: string | null }) {
  const shown = tiers.filter((t) => t.tier !== 'promotional');
  return (
    <Td className="whitespace-nowrap text-xs" data-testid="price-tiers">
      {promotionalUntil ? <div className="font-medium text-foreground">Promotional price until {promotionalUntil}</div> : null}
      {shown.map((t) => (
        <div key={`${t.tier}-${t.contextOverTokens ?? ''}`} title={`Source: ${sourceText(t.source)}${t.note ? ` — ${t.note}` : ''}`}>
          {LABEL[t.tier]}
          {t.contextOverTokens ? ` >${tokens(t.contextOverTokens)}` : ''}: {formatUsd(t.input)}
          {t.output != null ? ` / ${formatUsd(t.output)}` : ''}
        </div>
      ))}
      {shown.length === 0 && !promotionalUntil ? <span className="text-muted-foreground">—</span> : null}
    </Td>
  );
}
