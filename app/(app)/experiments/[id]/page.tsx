import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CheckinsCard } from '@/components/experiments/checkins-card';
import { ExperimentFacts } from '@/components/experiments/experiment-facts';
import { HistoryCard } from '@/components/experiments/history-card';
import { ModelsCard } from '@/components/experiments/models-card';
import { OutcomesCard } from '@/components/experiments/outcomes-card';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getExperimentDetail, getExperimentHistory } from '@/db/queries/experiments/detail';
import { historyNames } from '@/db/queries/experiments/history-names';
import { requirePermission } from '@/lib/auth/guard';
import { mayAddResults, teamScope } from '@/lib/auth/permissions';
import { idSchema } from '@/lib/validation/experiment';
import {
  addCheckinAction,
  addOutcomeAction,
  archiveExperimentAction,
  deleteCheckinAction,
  deleteOutcomeAction,
  reassignOwnerAction,
  restoreExperimentAction,
  updateCheckinAction,
  updateOutcomeAction,
  graduateExperimentAction,
} from '../actions';
import { addTechniqueAction, deleteTechniqueAction, updateTechniqueAction } from '../technique-actions';
import { TechniquesCard } from '@/components/experiments/techniques-card';
import { GraduateCard } from '@/components/experiments/graduate-card';
import { OwnerCard } from '@/components/experiments/owner-card';
import { ownerChoices } from '@/db/queries/experiments/owner';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('experiments');
  return { title: t('detail.metaTitle') };
}

export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('experiments.read');
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const [e, history, org] = await Promise.all([getExperimentDetail(db, id.data), getExperimentHistory(db, id.data), getOrgCalendar(db)]);
  if (!e) notFound();
  const names = await historyNames(db, history, org.currency);
  // Controls are hidden for those who cannot use them; the actions check again on the server.
  const canEdit = teamScope(user).canEdit(e.teamId);
  const archived = e.archivedAt != null;
  // Adding results is also open to the people who ran it when the team allows (the actions check again).
  const canAdd = !archived && mayAddResults(user, e, e.team);
  const members = canEdit && !archived ? await ownerChoices(db, e.teamId) : [];
  const [t, tl, tc] = await Promise.all([getTranslations('experiments.detail'), getTranslations('labels'), getTranslations('common')]);
  return (
    <>
      <PageHeader
        title={e.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{tl(`status.${e.status}`)}</Badge>
            {e.exploration ? <Badge tone="primary">{t('exploration')}</Badge> : null}
            {archived ? <Badge tone="warning">{t('archived')}</Badge> : null}
            {e.blockedByModel ? <Badge tone="danger">{t('blockedByModel')}</Badge> : null}
          </span>
        }
        actions={
          canEdit ? (
            <>
              {!archived ? (
                <Link href={`/experiments/${e.id}/edit`} className={buttonClasses('secondary')}>
                  {tc('edit')}
                </Link>
              ) : null}
              <ActionForm
                action={archived ? restoreExperimentAction : archiveExperimentAction}
                confirm={archived ? undefined : t('archiveConfirm')}
                label={archived ? t('restore') : t('archive')}
              >
                <input type="hidden" name="id" value={e.id} />
                <Button type="submit" variant={archived ? 'secondary' : 'danger'}>
                  {archived ? t('restore') : t('archive')}
                </Button>
              </ActionForm>
            </>
          ) : null
        }
      />
      {/* min-w-0: a wide table scrolls inside its card instead of widening the page on a phone. */}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ExperimentFacts e={e} currency={org.currency} />
          <OutcomesCard e={e} canEdit={canEdit && !archived} canAdd={canAdd} addAction={addOutcomeAction} updateAction={updateOutcomeAction} deleteAction={deleteOutcomeAction} />
          <CheckinsCard e={e} canEdit={canEdit && !archived} canAdd={canAdd} addAction={addCheckinAction} updateAction={updateCheckinAction} deleteAction={deleteCheckinAction} today={org.today} currency={org.currency} />
          <TechniquesCard e={e} canEdit={canEdit && !archived} canAdd={canAdd} addAction={addTechniqueAction} updateAction={updateTechniqueAction} deleteAction={deleteTechniqueAction} />
        </div>
        <div className="min-w-0 space-y-6">
          <ModelsCard e={e} />
          {canEdit && !archived && e.exploration ? <GraduateCard id={e.id} version={e.version} action={graduateExperimentAction} /> : null}
          {canEdit && !archived ? <OwnerCard id={e.id} version={e.version} ownerId={e.ownerId} members={members} action={reassignOwnerAction} /> : null}
          <HistoryCard entries={history} names={names} />
        </div>
      </div>
    </>
  );
}
