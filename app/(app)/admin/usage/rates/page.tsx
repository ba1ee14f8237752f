import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { UsageFxRates } from '@/components/admin/usage-fx-rates';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';
import { listFxRates, missingFxRates } from '@/db/queries/usage/fx-rates';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.rates');
  return { title: t('title') };
}

/** The month-by-month rates that convert usage bills into the reporting currency (admins). */
export default async function UsageRatesPage() {
  await requirePermission('admin.settings');
  const t = await getTranslations('admin.rates');
  const db = await getDb();
  const [settings, rates, missing] = await Promise.all([getSettings(db), listFxRates(db), missingFxRates(db)]);
  return (
    <>
      <AdminPageHeader
        title={t('title')}
        description={t('description')}
        back={{ href: '/admin/usage', label: t('back') }}
      />
      <UsageFxRates reporting={settings.currency} rates={rates.map((r) => ({ month: r.month, currency: r.currency, rate: r.rate, setBy: r.setBy }))} missing={missing} />
    </>
  );
}
