import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { useTranslations } from 'next-intl';
import { Suspense } from 'react';
import { ConcentrationPanel } from '@/components/insights/concentration-panel';
import { PrivacyPanel } from '@/components/insights/privacy-panel';
import { RetestRadarPanel } from '@/components/insights/retest-radar-panel';
import { ShiftPanel } from '@/components/insights/shift-panel';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { insights } from '@/db/queries/insights/cached';
import type { InsightsScope } from '@/db/queries/insights/scope';
import { requirePermission } from '@/lib/auth/guard';
import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import { experimentFiltersToSearch } from '@/lib/validation/experiment-filters';
import { recordMitigationAction, startRetestAction } from './actions';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('insights.page');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Leads see their own teams first and may widen to the organisation; everyone else starts with the organisation. */
function scopeFor(user: SessionUser, requested: unknown): { mine: boolean; scope: InsightsScope } {
  const mine = user.teamIds.length > 0 && (requested === 'mine' || (requested !== 'all' && teamScope(user).leadsOwnTeams != null));
  return { mine, scope: mine ? { teamIds: user.teamIds } : {} };
}

function Loading() {
  const t = useTranslations('insights.page');
  return <div className="h-48 animate-pulse rounded-lg border border-border bg-muted" aria-label={t('loading')} />;
}

export default async function InsightsPage({ searchParams }: Props) {
  const user = await requirePermission('dashboard.read');
  const { mine, scope: teams } = scopeFor(user, (await searchParams).scope);
  const org = await getOrgCalendar(await getDb());
  const scope: InsightsScope = { ...teams, today: org.today, timeZone: org.timeZone, fyStart: org.fyStart };
  const team = scope.teamIds;
  const listHref = (flag: 'retest' | 'privacy') => `/experiments?${experimentFiltersToSearch({ [flag]: true, team })}`;
  const canEdit = teamScope(user).canEdit;
  const t = await getTranslations('insights.page');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={mine ? t('descriptionMine') : t('descriptionAll')}
        actions={
          user.teamIds.length ? (
            <Link href={mine ? '/insights?scope=all' : '/insights?scope=mine'} className={buttonClasses('secondary', 'sm')}>
              {mine ? t('showAll') : t('showMine')}
            </Link>
          ) : null
        }
      />
      <nav aria-label={t('nav.label')} className="mb-4 flex flex-wrap gap-3 text-sm">
        <a href="#radar" className="text-primary hover:underline">{t('nav.radar')}</a>
        <a href="#concentration" className="text-primary hover:underline">{t('nav.concentration')}</a>
        <a href="#privacy" className="text-primary hover:underline">{t('nav.privacy')}</a>
        <a href="#shift" className="text-primary hover:underline">{t('nav.shift')}</a>
      </nav>
      <div className="space-y-6">
        <Suspense fallback={<Loading />}>
          <Radar scope={scope} listHref={listHref('retest')} canEdit={canEdit} />
        </Suspense>
        <Suspense fallback={<Loading />}>
          <Concentration scope={scope} />
        </Suspense>
        <Suspense fallback={<Loading />}>
          <Privacy scope={scope} listHref={listHref('privacy')} canEdit={canEdit} />
        </Suspense>
        <Suspense fallback={<Loading />}>
          <Shift scope={scope} />
        </Suspense>
      </div>
    </>
  );
}

type Section = { scope: InsightsScope };
type Editable = Section & { listHref: string; canEdit: (teamId: number) => boolean };

async function Radar({ scope, listHref, canEdit }: Editable) {
  const db = await getDb();
  const [items, awaiting, retests] = await Promise.all([insights.retestRadar(db, scope), insights.awaitingMeasurement(db, scope), insights.retests(db, scope)]);
  return <RetestRadarPanel items={items} awaiting={awaiting} retests={retests} listHref={listHref} canStart={canEdit} action={startRetestAction} />;
}

async function Concentration({ scope }: Section) {
  return <ConcentrationPanel report={await insights.concentration(await getDb(), scope)} />;
}

async function Privacy({ scope, listHref, canEdit }: Editable) {
  const db = await getDb();
  const [items, mitigated] = await Promise.all([insights.privacyFlags(db, scope), insights.privacyMitigations(db, scope)]);
  return <PrivacyPanel items={items} mitigated={mitigated} listHref={listHref} canMitigate={canEdit} action={recordMitigationAction} />;
}

async function Shift({ scope }: Section) {
  return <ShiftPanel report={await insights.shift(await getDb(), scope)} />;
}
