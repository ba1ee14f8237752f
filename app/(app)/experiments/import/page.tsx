import type { Metadata } from 'next';
import { ImportColumns } from '@/components/experiments/import-columns';
import { ImportForm } from '@/components/experiments/import-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { applyImportAction, previewImportAction } from './actions';

export const metadata: Metadata = { title: 'Import experiments' };

export default async function ImportExperimentsPage() {
  await requirePermission('experiments.write');
  return (
    <>
      <PageHeader
        title="Import experiments"
        description="Bring your history in from a spreadsheet. Start from the template: one row per experiment, teams by name, models by catalog name or slug separated by semicolons (the first is the primary). The preview shows what each row becomes; nothing is saved until you import, and then all rows or none."
      />
      <div className="space-y-6">
        <ImportForm preview={previewImportAction} apply={applyImportAction} />
        <ImportColumns />
      </div>
    </>
  );
}
