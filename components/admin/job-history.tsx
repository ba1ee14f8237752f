import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

type JobInfo = { name: string; description: string; schedule: string };
type Run = { id: number; job: string; trigger: string; host: string; startedAt: Date; finishedAt: Date | null; outcome: string; summary: string | null; error: string | null };

type T = Awaited<ReturnType<typeof getTranslations<'admin.jobs'>>>;

const TONE = { succeeded: 'success', failed: 'danger', running: 'primary' } as const;
const isOutcome = (o: string): o is keyof typeof TONE => o in TONE;
const SCHEDULES = ['off', 'daily', 'weekly', 'minutely', 'hourly', 'misconfigured'] as const;
const TRIGGERS = ['schedule', 'command', 'admin'] as const;
const among = <V extends string>(list: readonly V[], v: string): v is V => (list as readonly string[]).includes(v);
// The registry's jobs (lib/jobs/registry.ts) by their catalog key; a job not listed shows the registry's own English.
const DESCRIBED = { 'catalog-sync': 'catalogSync', alerts: 'alerts', deliver: 'deliver', digest: 'digest', 'usage-pull': 'usagePull', 'usage-retention': 'usageRetention', snapshot: 'snapshot' } as const;
const isDescribed = (name: string): name is keyof typeof DESCRIBED => name in DESCRIBED;

function duration(t: T, r: Run): string {
  if (!r.finishedAt) return t('outcomes.running');
  const s = (r.finishedAt.getTime() - r.startedAt.getTime()) / 1000;
  return s < 60 ? t('seconds', { s: s.toFixed(1) }) : t('minutes', { m: Math.floor(s / 60), s: Math.round(s % 60) });
}
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Background jobs on /admin: each job's schedule and last run, and the recent runs with their outcome. */
export async function JobHistory({ jobs, runs, enabled }: { jobs: JobInfo[]; runs: Run[]; enabled: boolean }) {
  const t = await getTranslations('admin.jobs');
  const outcome = (o: string) => (isOutcome(o) ? t(`outcomes.${o}`) : o);
  const schedule = (s: string) => (among(SCHEDULES, s) ? t(`schedules.${s}`) : s);
  const trigger = (s: string) => (among(TRIGGERS, s) ? t(`triggers.${s}`) : s);
  const describe = (j: JobInfo) => (isDescribed(j.name) ? t(`descriptions.${DESCRIBED[j.name]}`) : j.description);
  return (
    <Card aria-labelledby="jobs-title">
      <CardHeader
        title={<span id="jobs-title">{t('title')}</span>}
        description={`${enabled ? t('enabled') : t('disabled')} ${t('runNow', { command: '`npm run jobs -- <name>`' })}`}
      />
      <Table aria-label={t('jobs')}>
        <thead>
          <tr><Th>{t('job')}</Th><Th>{t('schedule')}</Th><Th>{t('lastRun')}</Th><Th>{t('duration')}</Th><Th>{t('outcome')}</Th></tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const last = runs.find((r) => r.job === j.name);
            return (
              <tr key={j.name}>
                <Td><span className="font-medium">{j.name}</span><span className="block text-xs text-muted-foreground">{describe(j)}</span>
</Td>
                <Td>{schedule(j.schedule)}</Td>
                <Td className="tabular-nums">{last ? when(last.startedAt) : t('never')}</Td>
                <Td className="tabular-nums">{last ? duration(t, last) : '—'}</Td>
                <Td>{last ? <><Badge tone={isOutcome(last.outcome) ? TONE[last.outcome] : 'neutral'}>{outcome(last.outcome)}</Badge><span className="block text-xs">{last.error ?? last.summary}</span></> : '—'}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {runs.length ? (
        <div className="mt-4">
          <Table aria-label={t('history')}>
            <thead>
              <tr><Th>{t('started')}</Th><Th>{t('job')}</Th><Th>{t('by')}</Th><Th>{t('duration')}</Th><Th>{t('outcome')}</Th><Th>{t('summary')}</Th></tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <Td className="tabular-nums">{when(r.startedAt)}</Td>
                  <Td>{r.job}</Td>
                  <Td>{trigger(r.trigger)} <span className="block text-xs text-muted-foreground">{r.host}</span></Td>
                  <Td className="tabular-nums">{duration(t, r)}</Td>
                  <Td><Badge tone={isOutcome(r.outcome) ? TONE[r.outcome] : 'neutral'}>{outcome(r.outcome)}</Badge></Td>
                  <Td className="break-words text-xs">{r.error ?? r.summary ?? ''}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </Card>
  );
}
