import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import { getFormat } from '@/i18n/format';
import { declineWords, type MarketContext } from '@/lib/metrics/market-context';

/** Rows (a team and a model it uses) shown on the dashboard; /trends lists the rest. */
const SHOWN = 5;

/** The price-of-capability headline and the teams behind the frontier, as an executive hands them to a board. */
export async function MarketContextPanel({ context }: { context: MarketContext }) {
  const [t, f] = await Promise.all([getTranslations('dashboard.marketContext'), getFormat()]);
  const decline = context.priceOfCapability;
  return (
    <div className="space-y-3">
      <p className="text-base font-medium" data-testid="price-of-capability">
        {decline
          ? t('priceHeadline', declineWords(decline, f, (rate) => t('perYear', { rate })))
          : t('noHeadline')}
      </p>
      {context.behind.length ? (
        <Table data-testid="dashboard-teams-behind">
          <caption className="mb-1 text-left text-sm font-semibold">{t('behindTitle', { count: new Set(context.behind.map((b) => b.teamName)).size })}</caption>
          <thead>
            <tr>
              <Th>{t('team')}</Th>
              <Th>{t('uses')}</Th>
              <Th>{t('newer')}</Th>
            </tr>
          </thead>
          <tbody>
            {context.behind.slice(0, SHOWN).map((b) => (
              <tr key={`${b.teamName}-${b.used.slug}`}>
                <Td>{b.teamName}</Td>
                <Td>{b.used.name}</Td>
                <Td>{t('better', { model: b.better.name, gain: b.gain.toFixed(1), price: f.formatUsd(b.better.price) })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground" data-testid="dashboard-teams-behind-empty">
          {t('noneBehind')}
        </p>
      )}
      <Link href="/trends" className="text-sm text-primary underline underline-offset-2">
        {t('trendsLink')}
      </Link>
    </div>
  );
}
