import { getTranslations } from 'next-intl/server';
import { Td } from '@/components/ui/table';
import { getFormat } from '@/i18n/format';
import type { PriceTier } from '@/lib/catalog/price-tiers';
import { sourceText } from '@/lib/sources';
import { sourceWordsIn } from './source-words';

const tokens = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}K` : String(n));

/** One line per tier in force today (cached input, batch, long context…); a promotion names its last day. */
export async function PriceTiersCell({ tiers, promotionalUntil }: { tiers: readonly PriceTier[]; promotionalUntil: string | null }) {
  const [t, f] = await Promise.all([getTranslations('models'), getFormat()]);
  const words = sourceWordsIn(t);
  const shown = tiers.filter((tier) => tier.tier !== 'promotional');
  return (
    <Td className="whitespace-nowrap text-xs" data-testid="price-tiers">
      {promotionalUntil ? <div className="font-medium text-foreground">{t('tiers.promotionalUntil', { date: promotionalUntil })}</div> : null}
      {shown.map((p) => (
        <div key={`${p.tier}-${p.contextOverTokens ?? ''}`} title={`${t('table.source', { source: sourceText(p.source, words) })}${p.note ? ` — ${p.note}` : ''}`}>
          {t(`tiers.${p.tier}`)}
          {p.contextOverTokens ? ` >${tokens(p.contextOverTokens)}` : ''}: {f.formatUsd(p.input)}
          {p.output != null ? ` / ${f.formatUsd(p.output)}` : ''}
        </div>
      ))}
      {shown.length === 0 && !promotionalUntil ? <span className="text-muted-foreground">—</span> : null}
    </Td>
  );
}
