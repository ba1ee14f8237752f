import type { Metadata } from 'next';
import { ModelImport } from '@/components/models/model-import';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { IMPORT_COLUMNS } from '@/lib/validation/model-import';
import { previewImportAction } from '../actions';

export const metadata: Metadata = { title: 'Import models' };

export default async function ImportModelsPage() {
  await requirePermission('models.write');
  return (
    <>
      <PageHeader
        title="Import models from CSV"
        description="Same columns as the shipped models.csv. A row whose slug exists updates that model; prices are recorded as the launch price on the release date. Values without a source column are recorded as imported by you today."
      />
      <p className="mb-4 break-all font-mono text-xs text-muted-foreground">{IMPORT_COLUMNS.join(',')}</p>
      <ModelImport preview={previewImportAction} />
    </>
  );
}
