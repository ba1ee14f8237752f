import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ModelImport } from '@/components/models/model-import';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { IMPORT_COLUMNS } from '@/lib/validation/model-import';
import { previewImportAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('models.importPage');
  return { title: t('metaTitle') };
}

export default async function ImportModelsPage() {
  await requirePermission('models.write');
  const t = await getTranslations('models.importPage');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <p className="mb-4 break-all font-mono text-xs text-muted-foreground">{IMPORT_COLUMNS.join(',')}</p>
      <ModelImport preview={previewImportAction} />
    </>
  );
}
