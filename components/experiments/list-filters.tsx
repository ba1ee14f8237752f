import Link from 'next/link';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import { PendingNote } from '@/components/filters/pending-note';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { MINDSET_SHORT_OR_NOT_SET, OUTCOME_TYPE_LABEL, SENSITIVITY_OR_NOT_SET, STATUS_LABEL, WORK_TYPE_OR_NOT_SET } from '@/lib/labels';

type Options = { teams: { id: number; name: string }[]; models: { slug: string; name: string }[]; vendors: string[] };

const LINK_ONLY = ['completedFrom', 'completedTo', 'outcomeFrom', 'outcomeTo', 'impact'] as const;

function Pick({ name, label, value, options }: { name: string; label: string; value: readonly (string | number)[] | string | undefined; options: readonly (readonly [string, string])[] }) {
  // Several values (from a link) are one choice of their own, so the select shows them and Apply keeps them.
  const values = (Array.isArray(value) ? value : value ? [value] : []).map(String);
  const several = values.length > 1 ? values.join(',') : null;
  const text = (v: string) => options.find(([k]) => k === v)?.[1] ?? v;
  return (
    <label className="text-xs font-medium">
      {label}
      <Select name={name} defaultValue={several ?? values[0] ?? ''} className="mt-1 py-1.5">
        <option value="">Any</option>
        {several ? <option value={several}>{values.map(text).join(', ')}</option> : null}
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </Select>
    </label>
  );
}

function Flag({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value="yes" defaultChecked={checked} /> {label}
    </label>
  );
}

/**
 * The filters as a plain GET form: the URL carries them (lib/validation/experiment-filters.ts), so a
 * copied link reproduces the view and it works without JavaScript. Multi-value filters arriving by
 * link are kept: the select offers them together as one choice, selected.
 */
export function ListFilters({ f, options }: { f: ExperimentFilters; options: Options }) {
  const entries = (o: Record<string, string>) => Object.entries(o);
  return (
    <form method="get" action="/experiments" aria-label="Filter experiments" className="mb-4 space-y-3 rounded-lg border border-border bg-card p-4">
      <div className="flex flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">Search</label>
        <Input id="q" name="q" type="search" defaultValue={f.q ?? ''} placeholder="Search title, description, learnings" className="max-w-md" />
        <Button type="submit">Apply filters</Button>
        <Link href="/experiments" className={buttonClasses('ghost')}>Clear</Link>
        <PendingNote />
      </div>
      <FiltersDisclosure>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Pick name="team" label="Team" value={f.team} options={options.teams.map((t) => [String(t.id), t.name] as const)} />
          <Pick name="status" label="Status" value={f.status} options={entries(STATUS_LABEL)} />
          <Pick name="mindset" label="Mindset" value={f.mindset} options={entries(MINDSET_SHORT_OR_NOT_SET)} />
          <Pick name="workType" label="Work type" value={f.workType} options={entries(WORK_TYPE_OR_NOT_SET)} />
          <Pick name="model" label="Model" value={f.model} options={options.models.map((m) => [m.slug, m.name] as const)} />
          <Pick name="vendor" label="Vendor" value={f.vendor} options={options.vendors.map((v) => [v, v] as const)} />
          <Pick name="sensitivity" label="Data sensitivity" value={f.sensitivity} options={entries(SENSITIVITY_OR_NOT_SET)} />
          <Pick name="outcomeType" label="Outcome type" value={f.outcomeType} options={entries(OUTCOME_TYPE_LABEL)} />
          <Pick name="hasOutcomes" label="Capability outcomes" value={f.hasOutcomes} options={[['yes', 'Has some'], ['no', 'None yet']]} />
          <Pick name="exploration" label="Kind" value={f.exploration} options={[['yes', 'Exploration'], ['no', 'Measured']]} />
          <Pick name="minImpact" label="Minimum impact" value={f.minImpact ? String(f.minImpact) : undefined} options={[1, 2, 3, 4, 5].map((n) => [String(n), `${n}+`] as const)} />
          <label className="text-xs font-medium">
            Active from
            <Input type="date" name="from" defaultValue={f.from ?? ''} className="mt-1 py-1.5" />
          </label>
          <label className="text-xs font-medium">
            Active to
            <Input type="date" name="to" defaultValue={f.to ?? ''} className="mt-1 py-1.5" />
          </label>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Flag name="blocked" label="Blocked by model" checked={Boolean(f.blocked)} />
          <Flag name="privacy" label="Privacy-flagged" checked={Boolean(f.privacy)} />
          <Flag name="retest" label="Re-test candidate" checked={Boolean(f.retest)} />
          <Flag name="mine" label="My teams" checked={Boolean(f.mine)} />
          <label className="flex items-center gap-2 text-sm">
            Archived
            <Select name="archived" defaultValue={f.archived ?? ''} className="w-auto py-1">
              <option value="">Left out</option>
              <option value="include">Included</option>
              <option value="only">Only archived</option>
            </Select>
          </label>
          {/* Filters only a link sets (a drill-down's windows and impacts): kept by Apply, shown as chips. */}
          {LINK_ONLY.map((k) => (f[k] ? <input key={k} type="hidden" name={k} value={Array.isArray(f[k]) ? f[k].join(',') : String(f[k])} /> : null))}
          {f.sort ? <input type="hidden" name="sort" value={f.sort} /> : null}
          {f.dir ? <input type="hidden" name="dir" value={f.dir} /> : null}
        </div>
      </FiltersDisclosure>
    </form>
  );
}
