import type { Metadata } from 'next';
import { ExperimentForm } from '@/components/experiments/experiment-form';
import { experimentFormChoices } from '@/db/queries/experiments/form-choices';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { createExperimentAction } from '../actions';

export const metadata: Metadata = { title: 'New experiment' };

export default async function NewExperimentPage() {
  const user = await requirePermission('experiments.write');
  const { teams, models, benchmarks } = await experimentFormChoices(await getDb(), user);
  if (!teams.length)
    return (
      <>
        <PageHeader title="New experiment" />
        <EmptyState title="You do not lead a team yet">An admin can make you the lead of a team on the Admin page.</EmptyState>
      </>
    );
  // The team defaults to the lead's team when they lead just one.
  const initial: Record<string, string> = teams.length === 1 ? { teamId: String(teams[0].id) } : {};
  return (
    <>
      <PageHeader title="New experiment" description="Capture the idea now with just a title; add figures, outcomes and check-ins as it runs." />
      <ExperimentForm action={createExperimentAction} initial={initial} teams={teams} models={models} benchmarks={benchmarks} submitLabel="Create experiment" />
    </>
  );
}
