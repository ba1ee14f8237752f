import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { MINDSET_SHORT, OUTCOME_TYPE_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';

type Options = { teams: { id: number; name: string }[]; models: { slug: string; name: string }[]; vendors: string[] };

const first = (v: readonly (string | number)[] | undefined) => (v?.length ? String(v[0]) : '');

function Pick({ name, label, value, options }: { name: string; label: string; value: string; options: readonly (readonly [string, string])[] }) {
  return (
    <label className="text-xs font-medium">
      {label}
      <Select name={name} defaultValue={value} className="mt-1 py-1.5">
        <option value="">Any</option>
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
 * link are kept: a select shows the first value and a note says how many more are applied.
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
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Pick name="team" label="Team" value={first(f.team)} options={options.teams.map((t) => [String(t.id), t.name] as const)} />
        <Pick name="status" label="Status" value={first(f.status)} options={entries(STATUS_LABEL)} />
        <Pick name="mindset" label="Mindset" value={first(f.mindset)} options={entries(MINDSET_SHORT)} />
        <Pick name="workType" label="Work type" value={first(f.workType)} options={entries(WORK_TYPE_LABEL)} />
        <Pick name="model" label="Model" value={first(f.model)} options={options.models.map((m) => [m.slug, m.name] as const)} />
        <Pick name="vendor" label="Vendor" value={first(f.vendor)} options={options.vendors.map((v) => [v, v] as const)} />
        <Pick name="sensitivity" label="Data sensitivity" value={first(f.sensitivity)} options={entries(SENSITIVITY_LABEL)} />
        <Pick name="outcomeType" label="Outcome type" value={first(f.outcomeType)} options={entries(OUTCOME_TYPE_LABEL)} />
        <Pick name="hasOutcomes" label="Capability outcomes" value={f.hasOutcomes ?? ''} options={[['yes', 'Has some'], ['no', 'None yet']]} />
        <Pick name="minImpact" label="Minimum impact" value={f.minImpact ? String(f.minImpact) : ''} options={[1, 2, 3, 4, 5].map((n) => [String(n), `${n}+`] as const)} />
        <label className="text-xs font-medium">
          Active from
          <Input type="date" name="from" defaultValue={f.from ?? ''} className="mt-1 py-1.5" />
        </label>
        <label className="text-xs font-medium">
          Active to
          <Input type="date" name="to" defaultValue={f.to ?? ''} className="mt-1 py-1.5" />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
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
        {f.sort ? <input type="hidden" name="sort" value={f.sort} /> : null}
        {f.dir ? <input type="hidden" name="dir" value={f.dir} /> : null}
      </div>
    </form>
  );
}
