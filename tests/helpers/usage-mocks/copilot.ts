/**
 * GitHub's Copilot usage metrics reports on loopback, in the documented shapes (read 2026-12-05:
 * https://docs.github.com/en/rest/copilot/copilot-usage-metrics and
 * https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics): each report endpoint
 * (/orgs/{org}/copilot/metrics/reports/{organization-1-day|users-1-day|user-teams-1-day}?day=) answers
 * {download_links, report_day}; the links are "signed" NDJSON files on the same server, the users report split
 * in two files. A day past `processedThrough` answers 404 (not processed yet). Checks the bearer token and the API
 * version on the endpoints, and records whether a file was fetched with the token (it must not be).
 */
import { startMock, unauthorized, type MockServer } from './server';

export type CopilotDay = {
  org: Record<string, unknown>;
  users: Record<string, unknown>[];
  teams: { user_id: number; user_login: string; team_id: number; slug: string }[];
};

export async function startCopilotMock(options: { token: string; org: string; days: Record<string, CopilotDay>; processedThrough: string }): Promise<MockServer> {
  return startMock((req, origin) => {
    const file = /^\/files\/(organization-1-day|users-1-day|user-teams-1-day)\/(\d{4}-\d{2}-\d{2})\/(\d)\.ndjson$/.exec(req.path);
    if (file) {
      if (req.query.get('sig') !== 'signed') return { status: 403, body: { message: 'bad signature' } };
      const [, report, day, part] = file;
      const d = options.days[day];
      const rows =
        report === 'organization-1-day'
          ? [{ ...d.org, day, organization_id: '999' }]
          : report === 'users-1-day'
            ? d.users.filter((_, i) => i % 2 === Number(part)).map((u) => ({ ...u, day, organization_id: '999' }))
            : d.teams.map((t) => ({ ...t, day, organization_id: '999' }));
      return { status: 200, raw: true, body: rows.map((r) => JSON.stringify(r)).join('\n') + '\n' };
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) return unauthorized('Bad credentials');
    if (req.headers['x-github-api-version'] !== '2022-11-28') return { status: 400, body: { message: 'Unsupported API version' } };
    const m = /^\/orgs\/([^/]+)\/copilot\/metrics\/reports\/(organization-1-day|users-1-day|user-teams-1-day)$/.exec(req.path);
    if (!m || m[1] !== options.org) return { status: 404, body: { message: 'Not Found' } };
    const day = req.query.get('day') ?? '';
    if (day > options.processedThrough || !options.days[day]) return { status: 404, body: { message: 'Not Found' } };
    const parts = m[2] === 'users-1-day' ? [0, 1] : [0];
    return { status: 200, body: { download_links: parts.map((p) => `${origin}/files/${m[2]}/${day}/${p}.ndjson?sig=signed`), report_day: day } };
  });
}
