/**
 * Pulls GitHub Copilot's usage metrics for an organisation, one day at a time: the organisation's report, the
 * per-user report and the user-teams report, whose rows the Copilot parser (lib/usage/sources/copilot.ts) turns
 * into the organisation's day and each team's (the join GitHub documents for team figures). Each report endpoint
 * answers {download_links, report_day}; the rows are in the NDJSON files behind the links, which may be split
 * into several files (GitHub's pagination of these reports). The files are signed URLs on another host: they
 * are fetched without the GitHub token.
 *
 * Reference (read 2026-12-05): https://docs.github.com/en/rest/copilot/copilot-usage-metrics —
 * GET /orgs/{org}/copilot/metrics/reports/organization-1-day?day=YYYY-MM-DD, …/users-1-day, …/user-teams-1-day;
 * X-GitHub-Api-Version 2022-11-28; reports from 2025-10-10 and up to a year back. The older
 * GET /orgs/{org}/copilot/metrics (28 days kept) was closed down on 2026-04-02
 * (https://docs.github.com/en/rest/copilot/copilot-metrics says so), so it is not used.
 */
import { parseCopilot } from '@/lib/usage/sources/copilot';
import type { UsageRecord } from '@/lib/usage/record';
import { getJson, getWithRetry, PullHttpError, type HttpOptions } from './http';
import type { PullClient, PullTarget } from './types';
import { checkBaseUrl } from './url-policy';
import { daysBetween } from './window';

export const GITHUB_API_VERSION = '2022-11-28';

type Report = 'organization-1-day' | 'users-1-day' | 'user-teams-1-day';

/** A report's files for one day, as text, or null when GitHub has no report for that day (404). */
async function reportFiles(target: PullTarget, report: Report, day: string, http: HttpOptions): Promise<{ texts: string[]; requests: number } | null> {
  const url = `${target.baseUrl}/orgs/${encodeURIComponent(target.organization)}/copilot/metrics/reports/${report}?day=${day}`;
  const headers = { authorization: `Bearer ${target.credential}`, accept: 'application/vnd.github+json', 'x-github-api-version': GITHUB_API_VERSION };
  const answer = await getJson<{ download_links?: unknown }>(url, headers, http);
  if (answer.status === 404) return null;
  const links = answer.json?.download_links;
  if (!Array.isArray(links) || links.some((l) => typeof l !== 'string')) throw new PullHttpError(`GitHub's ${report} report of ${day} has no download_links.`, answer.status);
  const texts: string[] = [];
  for (const link of links as string[]) {
    const verdict = checkBaseUrl(link);
    if (!verdict.ok) throw new PullHttpError(`A download link of GitHub's ${report} report was refused: ${verdict.reason}`, null);
    const file = await getWithRetry(link, { accept: 'application/x-ndjson, application/json' }, http);
    if (file.status === 404) throw new PullHttpError(`A file of GitHub's ${report} report of ${day} was gone before it was read (404).`, 404);
    texts.push(file.body);
  }
  return { texts, requests: 1 + links.length };
}

/** A report file as NDJSON lines (GitHub serves NDJSON; a JSON array is accepted too), so files can be joined. */
function asNdjson(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return trimmed;
  try {
    return (JSON.parse(trimmed) as unknown[]).map((row) => JSON.stringify(row)).join('\n');
  } catch {
    return trimmed; // the parser names the line that is not JSON
  }
}

export const copilotClient: PullClient = {
  // The reports go back a year; a first pull takes the 28 days the old API kept, as most dashboards show.
  firstDays: 28,
  async pull(target, window, http) {
    const records: UsageRecord[] = [];
    let requests = 0;
    let completeThrough: string | null = null;
    for (const day of daysBetween(window.from, window.to)) {
      let org: Awaited<ReturnType<typeof reportFiles>>;
      try {
        org = await reportFiles(target, 'organization-1-day', day, http);
      } catch (err) {
        // Keep the complete days before the failure; the next pull resumes at this day.
        return { records, completeThrough, requests, error: err instanceof Error ? err.message : String(err) };
      }
      requests++;
      // No report for a day: empty when a later day has one (fewer than five licensed users, say); not yet
      // processed when none does, so those days stay for the next pull.
      if (!org) continue;
      const dayRecords: UsageRecord[] = [];
      try {
        requests += org.requests - 1;
        const users = await reportFiles(target, 'users-1-day', day, http);
        // Team memberships only matter with the users' activity to join them to.
        const teams = users ? await reportFiles(target, 'user-teams-1-day', day, http) : null;
        requests += (users?.requests ?? 1) + (users ? (teams?.requests ?? 1) : 0);
        const parsed = parseCopilot([...org.texts, ...(users?.texts ?? []), ...(teams?.texts ?? [])].map(asNdjson).join('\n'));
        if (!parsed.ok) throw new Error(`GitHub's reports of ${day}: ${parsed.error}`);
        dayRecords.push(...parsed.records);
      } catch (err) {
        return { records, completeThrough, requests, error: err instanceof Error ? err.message : String(err) };
      }
      // Days without a report before this one were empty, so they are complete too.
      records.push(...dayRecords);
      completeThrough = day;
    }
    return { records, completeThrough, requests };
  },
};
