import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ExperimentForm } from '@/components/experiments/experiment-form';
import { experimentFormChoices } from '@/db/queries/experiments/form-choices';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { createExperimentAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('experiments');
  return { title: t('new.title') };
}

export default async function NewExperimentPage() {
  const user = await requirePermission('experiments.write');
  const { teams, models, benchmarks } = await experimentFormChoices(await getDb(), user);
  const t = await getTranslations('experiments.new');
  if (!teams.length)
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('noTeam')}>{t('noTeamHint')}</EmptyState>
      </>
    );
  // The team defaults to the lead's team when they lead just one.
  const initial: Record<string, string> = teams.length === 1 ? { teamId: String(teams[0].id) } : {};
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ExperimentForm action={createExperimentAction} initial={initial} teams={teams} models={models} benchmarks={benchmarks} submitLabel={t('submit')} />
    </>
  );
}
