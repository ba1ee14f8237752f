import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { ExperimentForm } from '@/components/experiments/experiment-form';
import { experimentFormChoices } from '@/db/queries/experiments/form-choices';
import { experimentFormValues } from '@/components/experiments/form-values';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { recordDenied } from '@/db/queries/admin/audit';
import { getExperimentDetail } from '@/db/queries/experiments/detail';
import { requirePermission } from '@/lib/auth/guard';
import { teamScope } from '@/lib/auth/permissions';
import { idSchema } from '@/lib/validation/experiment';
import { updateExperimentAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('experiments');
  return { title: t('edit.metaTitle') };
}

export default async function EditExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const e = await getExperimentDetail(db, id.data);
  if (!e) notFound();
  if (!teamScope(user).canEdit(e.teamId)) {
    await recordDenied(db, user, 'experiment.edit', { type: 'experiment', id: e.id });
    forbidden();
  }
  const [choices, t, tc] = await Promise.all([experimentFormChoices(db, user), getTranslations('experiments.edit'), getTranslations('common')]);
  // A lead keeps seeing the experiment's own team even in the unlikely case it is not in their list.
  const teams = choices.teams.some((t) => t.id === e.teamId) ? choices.teams : [{ id: e.teamId, name: e.teamName }, ...choices.teams];
  return (
    <>
      <PageHeader title={t('title', { title: e.title })} />
      <ExperimentForm
        action={updateExperimentAction}
        initial={experimentFormValues(e, e.models)}
        teams={teams}
        models={choices.models}
        benchmarks={choices.benchmarks}
        id={e.id}
        version={e.version}
        submitLabel={tc('save')}
      />
    </>
  );
}
