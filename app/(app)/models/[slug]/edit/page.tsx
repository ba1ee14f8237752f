import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ModelForm } from '@/components/models/model-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getModelBySlug, listVendors } from '@/db/queries/models/details';
import { requirePermission } from '@/lib/auth/guard';
import { SLUG_PATTERN } from '@/lib/validation/model';
import { updateModelAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit model' };

export default async function EditModelPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission('models.write');
  const { slug } = await params;
  if (!SLUG_PATTERN.test(slug)) notFound();
  const db = await getDb();
  const model = await getModelBySlug(db, slug);
  if (!model) notFound();
  return (
    <>
      <PageHeader title={`Edit ${model.name}`} description="Changed values are recorded as entered by you today; the change is in the audit trail." />
      <ModelForm action={updateModelAction} model={model} vendors={await listVendors(db)} submitLabel="Save model" />
    </>
  );
}
