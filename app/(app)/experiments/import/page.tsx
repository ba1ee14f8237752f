import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportColumns } from '@/components/experiments/import-columns';
import { ImportForm } from '@/components/experiments/import-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { applyImportAction, previewImportAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('experiments');
  return { title: t('import.title') };
}

export default async function ImportExperimentsPage() {
  await requirePermission('experiments.write');
  const t = await getTranslations('experiments.import');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="space-y-6">
        <ImportForm preview={previewImportAction} apply={applyImportAction} />
        <ImportColumns />
      </div>
    </>
  );
}
