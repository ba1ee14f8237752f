import type { Metadata } from 'next';
import { ModelForm } from '@/components/models/model-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listVendors } from '@/db/queries/models/details';
import { requirePermission } from '@/lib/auth/guard';
import { createModelAction } from '../actions';

export const metadata: Metadata = { title: 'Add a model' };

export default async function NewModelPage() {
  await requirePermission('models.write');
  const vendors = await listVendors(await getDb());
  return (
    <>
      <PageHeader title="Add a model" description="Its values are recorded as entered by you today. Add its price and benchmark score on its page." />
      <ModelForm action={createModelAction} vendors={vendors} submitLabel="Add model" />
    </>
  );
}
