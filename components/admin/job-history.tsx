import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

type JobInfo = { name: string; description: string; schedule: string };
type Run = { id: number; job: string; trigger: string; host: string; startedAt: Date; finishedAt: Date | null; outcome: string; summary: string | null; error: string | null };

const TONE = { succeeded: 'success', failed: 'danger', running: 'primary' } as const;

function duration(r: Run): string {
  if (!r.finishedAt) return 'running';
  const s = (r.finishedAt.getTime() - r.startedAt.getTime()) / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Background jobs on /admin: each job's schedule and last run, and the recent runs with their outcome. */
export function JobHistory({ jobs, runs, enabled }: { jobs: JobInfo[]; runs: Run[]; enabled: boolean }) {
  return (
    <Card aria-labelledby="jobs-title">
      <CardHeader
        title={<span id="jobs-title">Background jobs</span>}
        description={`${enabled ? 'This server runs scheduled jobs; with several servers, each run happens on one of them.' : 'UPLIFT_JOBS=off: this server runs no scheduled job.'} Run one now with \`npm run jobs -- <name>\`.`}
      />
      <Table aria-label="Jobs">
        <thead>
          <tr><Th>Job</Th><Th>Schedule</Th><Th>Last run</Th><Th>Duration</Th><Th>Outcome</Th></tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const last = runs.find((r) => r.job === j.name);
            return (
              <tr key={j.name}>
                <Td><span className="font-medium">{j.name}</span><span className="block text-xs text-muted-foreground">{j.description}</span></Td>
                <Td>{j.schedule}</Td>
                <Td className="tabular-nums">{last ? when(last.startedAt) : 'never'}</Td>
                <Td className="tabular-nums">{last ? duration(last) : '—'}</Td>
                <Td>{last ? <><Badge tone={TONE[last.outcome as keyof typeof TONE] ?? 'neutral'}>{last.outcome}</Badge><span className="block text-xs">{last.error ?? last.summary}</span></> : '—'}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {runs.length ? (
        <div className="mt-4">
          <Table aria-label="Job history">
            <thead>
              <tr><Th>Started</Th><Th>Job</Th><Th>By</Th><Th>Duration</Th><Th>Outcome</Th><Th>Summary or error</Th></tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <Td className="tabular-nums">{when(r.startedAt)}</Td>
                  <Td>{r.job}</Td>
                  <Td>{r.trigger} <span className="block text-xs text-muted-foreground">{r.host}</span></Td>
                  <Td className="tabular-nums">{duration(r)}</Td>
                  <Td><Badge tone={TONE[r.outcome as keyof typeof TONE] ?? 'neutral'}>{r.outcome}</Badge></Td>
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
