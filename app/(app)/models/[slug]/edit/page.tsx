import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ModelForm } from '@/components/models/model-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getModelBySlug, listVendors } from '@/db/queries/models/details';
import { requirePermission } from '@/lib/auth/guard';
import { SLUG_PATTERN } from '@/lib/validation/model';
import { updateModelAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('models.model');
  return { title: t('edit') };
}

export default async function EditModelPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission('models.write');
  const { slug } = await params;
  if (!SLUG_PATTERN.test(slug)) notFound();
  const t = await getTranslations('models');
  const db = await getDb();
  const model = await getModelBySlug(db, slug);
  if (!model) notFound();
  return (
    <>
      <PageHeader title={t('editPage.title', { name: model.name })} description={t('editPage.description')} />
      <ModelForm action={updateModelAction} model={model} vendors={await listVendors(db)} submitLabel={t('editPage.submit')} />
    </>
  );
}
