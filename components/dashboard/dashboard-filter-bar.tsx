'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { inputClasses } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { PERIOD_PRESETS, type PeriodPreset } from '@/lib/metrics/period';
import { WORK_TYPE_LABEL } from '@/lib/labels';

type WorkType = keyof typeof WORK_TYPE_LABEL;
/** The work types in the order the filter lists them; their names come from the labels catalog. */
const WORK_TYPES = Object.keys(WORK_TYPE_LABEL) as WorkType[];
import type { DashboardParams } from '@/lib/validation/dashboard-filters';
import { dashboardParamsToSearch } from '@/lib/validation/filter-search';

type Props = {
  params: DashboardParams;
  preset: PeriodPreset;
  /** the resolved period, shown in the custom date fields */
  period: { from: string; to: string };
  teams: { id: number; name: string }[];
  models: { slug: string; name: string; vendor: string }[];
  /** leads (and anyone in a team) can narrow to their own teams */
  canUseMine: boolean;
};

const selectClass = cn(inputClasses, 'h-9 py-1');
/** The teams menu's caret: a symbol, the same in every language. */
const CARET = '▾';

/**
 * The dashboard's filters. Every change rewrites the URL (so a copied link shows the same view) and
 * the server re-renders the figures; nothing is filtered in the browser.
 */
export function DashboardFilterBar({ params, preset, period, teams, models, canUseMine }: Props) {
  const t = useTranslations('dashboard.filters');
  const tl = useTranslations('labels');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const vendors = [...new Set(models.map((m) => m.vendor))];

  const go = (next: Partial<DashboardParams>) => {
    const search = dashboardParamsToSearch({ ...params, ...next });
    startTransition(() => router.push(search ? `/dashboard?${search}` : '/dashboard', { scroll: false }));
  };
  const toggleTeam = (id: number, on: boolean) => {
    const set = new Set(params.team ?? []);
    if (on) set.add(id);
    else set.delete(id);
    go({ team: set.size ? [...set] : undefined, mine: undefined });
  };
  const selectedTeams = teams.filter((t) => params.team?.includes(t.id));
  const [dateError, setDateError] = useState<string | null>(null);
  /** A custom period whose end comes before its start is refused here, with a message, never silently swapped. */
  const setDate = (which: 'from' | 'to', value: string) => {
    if (!value) return;
    const from = which === 'from' ? value : period.from;
    const to = which === 'to' ? value : period.to;
    if (to < from) {
      setDateError(t('dateOrder', { from, to }));
      return;
    }
    setDateError(null);
    go({ period: 'custom', from, to });
  };

  // The teams list is a <details>: close it on a click outside or on Escape, like any menu.
  const teamsMenu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const menu = teamsMenu.current;
      if (menu?.open && e.target instanceof Node && !menu.contains(e.target)) menu.open = false;
    };
    const escape = (e: KeyboardEvent) => {
      const menu = teamsMenu.current;
      if (e.key !== 'Escape' || !menu?.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', escape);
    };
  }, []);

  return (
    <form
      role="search"
      aria-label={t('label')}
      aria-busy={pending}
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t('period')}</span>
        <select aria-label={t('period')}
          className={selectClass}
          value={preset}
          onChange={(e) => {
            const p = e.target.value as PeriodPreset;
            go(p === 'custom' ? { period: p, from: period.from, to: period.to } : { period: p, from: undefined, to: undefined });
          }}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`preset.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {preset === 'custom' ? (
        <>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t('from')}</span>
            <input aria-label={t('from')} key={period.from} type="date" className={selectClass} defaultValue={period.from} max={period.to} aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? 'period-error' : undefined} onBlur={(e) => setDate('from', e.target.value)} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t('to')}</span>
            <input aria-label={t('to')} key={period.to} type="date" className={selectClass} defaultValue={period.to} min={period.from} aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? 'period-error' : undefined} onBlur={(e) => setDate('to', e.target.value)} />
          </label>
          {dateError ? (
            <p id="period-error" role="alert" className="w-full text-sm text-danger">
              {dateError}
            </p>
          ) : null}
        </>
      ) : null}

      <div className="space-y-1 text-sm">
        <span className="block font-medium" aria-hidden>
          {t('teams')}
        </span>
        <details ref={teamsMenu} className="relative">
          <summary className={cn(selectClass, 'flex min-w-40 cursor-pointer list-none items-center justify-between gap-2')} aria-label={t('teams')}>
            <span>{params.mine ? t('myTeams') : selectedTeams.length === 0 ? t('allTeams') : selectedTeams.length === 1 ? selectedTeams[0].name : t('teamCount', { count: selectedTeams.length })}</span>
            <span aria-hidden>{CARET}</span>
          </summary>
          <fieldset className="absolute z-30 mt-1 max-h-72 w-64 overflow-auto rounded-md border border-border bg-card p-2 shadow-lg">
            <legend className="sr-only">{t('teams')}</legend>
            {canUseMine ? (
              <label className="flex items-center gap-2 rounded px-2 py-1 hover:bg-muted">
                <input type="checkbox" checked={Boolean(params.mine)} onChange={(e) => go({ mine: e.target.checked || undefined, team: undefined })} />
                {t('myTeamsOnly')}
              </label>
            ) : null}
            {teams.map((t) => (
              <label key={t.id} className="flex items-center gap-2 rounded px-2 py-1 hover:bg-muted">
                <input type="checkbox" checked={Boolean(params.team?.includes(t.id))} onChange={(e) => toggleTeam(t.id, e.target.checked)} />
                {t.name}
              </label>
            ))}
          </fieldset>
        </details>
      </div>

      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t('workType')}</span>
        <select aria-label={t('workType')} className={selectClass} value={params.workType?.[0] ?? ''} onChange={(e) => go({ workType: e.target.value ? [e.target.value as WorkType] : undefined })}>
          <option value="">{t('allWorkTypes')}</option>
          {WORK_TYPES.map((k) => (
            <option key={k} value={k}>
              {tl(`workType.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t('vendor')}</span>
        <select aria-label={t('vendor')} className={selectClass} value={params.vendor?.[0] ?? ''} onChange={(e) => go({ vendor: e.target.value ? [e.target.value] : undefined, model: undefined })}>
          <option value="">{t('allVendors')}</option>
          {vendors.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t('model')}</span>
        <select aria-label={t('model')} className={selectClass} value={params.model?.[0] ?? ''} onChange={(e) => go({ model: e.target.value ? [e.target.value] : undefined })}>
          <option value="">{t('allModels')}</option>
          {models
            .filter((m) => !params.vendor?.length || params.vendor.includes(m.vendor))
            .map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name}
              </option>
            ))}
        </select>
      </label>
      <Link href="/dashboard" className="h-9 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-muted">
        {t('reset')}
      </Link>
      <span aria-live="polite" className="text-xs text-muted-foreground">
        {pending ? t('updating') : null}
      </span>
    </form>
  );
}
