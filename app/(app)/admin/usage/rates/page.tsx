import type { Metadata } from 'next';
import Link from 'next/link';
import { UsageFxRates } from '@/components/admin/usage-fx-rates';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';
import { listFxRates, missingFxRates } from '@/db/queries/usage/fx-rates';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Usage exchange rates' };

/** The month-by-month rates that convert usage bills into the reporting currency (admins). */
export default async function UsageRatesPage() {
  await requirePermission('admin.settings');
  const db = await getDb();
  const [settings, rates, missing] = await Promise.all([getSettings(db), listFxRates(db), missingFxRates(db)]);
  return (
    <>
      <PageHeader
        title="Usage exchange rates"
        description="Imported bills keep their own currency; the dashboard, the exports and the API convert them at these rates, shown beside every converted figure."
        actions={
          <Link href="/admin/usage" className="text-sm underline">
            Usage data
          </Link>
        }
      />
      <UsageFxRates reporting={settings.currency} rates={rates.map((r) => ({ month: r.month, currency: r.currency, rate: r.rate, setBy: r.setBy }))} missing={missing} />
    </>
  );
}
