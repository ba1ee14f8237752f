import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ModelForm } from '@/components/models/model-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listVendors } from '@/db/queries/models/details';
import { requirePermission } from '@/lib/auth/guard';
import { createModelAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('models.newPage');
  return { title: t('title') };
}

export default async function NewModelPage() {
  await requirePermission('models.write');
  const t = await getTranslations('models');
  const vendors = await listVendors(await getDb());
  return (
    <>
      <PageHeader title={t('newPage.title')} description={t('newPage.description')} />
      <ModelForm action={createModelAction} vendors={vendors} submitLabel={t('catalog.add')} />
    </>
  );
}
