/**
 * GitHub Copilot usage metrics (the REST "Copilot usage metrics" reports, which replaced the metrics API closed on
 * 2 April 2026). A report endpoint answers with signed links to NDJSON files; this reads those files' rows:
 * - organisation (or enterprise) day rows (`organization-1-day`; the 28-day report nests them in `day_totals`):
 *   one row per day for the whole organisation (external team '');
 * - per-user rows (`users-1-day`) with the user-teams rows (`user-teams-1-day`) in the same file: joined on
 *   (user, day) and added up per team slug, as GitHub's team-level guide says — active users are the distinct users
 *   with activity, engaged users those who sent a prompt or accepted a suggestion. Per-user rows alone give the
 *   organisation's day when no organisation row covers it.
 * Per-IDE, per-feature, per-(language, feature), per-(model, feature) and per-(language, model) breakdowns are kept
 * in `details`, added up. Requests are prompts plus CLI requests; tokens are the CLI's (the only ones reported).
 * Pure. Fixtures: tests/fixtures/usage/.
 */
import type { UsageRecord } from '../record';
import { fail, hasNul, isDay, isObject, MAX_PARSE_CHARS, NUL_ERROR, type ParseResult } from './common';

const VENDOR = 'GitHub';

type Row = Record<string, unknown>;

/** The dimension fields of each breakdown array; every other numeric field is a counter to add. */
const BREAKDOWNS = {
  totals_by_ide: ['ide'],
  totals_by_feature: ['feature'],
  totals_by_language_feature: ['language', 'feature'],
  totals_by_model_feature: ['model', 'feature'],
  totals_by_language_model: ['language', 'model'],
} as const;

const COUNTERS = ['code_generation_activity_count', 'code_acceptance_activity_count', 'loc_added_sum', 'loc_deleted_sum', 'loc_suggested_to_add_sum', 'loc_suggested_to_delete_sum', 'user_initiated_interaction_count'] as const;
const ENTITY_USERS = ['weekly_active_users', 'monthly_active_users', 'monthly_active_chat_users', 'monthly_active_agent_users', 'daily_active_cli_users'] as const;

/** Appends to the list under `key`, creating it. */
function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** JSON (an array or one object) or NDJSON → rows. */
function readRows(text: string): Row[] | string {
  if (text.length > MAX_PARSE_CHARS) return `The Copilot file is larger than ${MAX_PARSE_CHARS / 1_000_000} MB; import one day's report at a time.`;
  if (hasNul(text)) return NUL_ERROR;
  const trimmed = text.trim();
  if (!trimmed) return 'The Copilot file is empty.';
  try {
    const v = JSON.parse(trimmed) as unknown;
    return Array.isArray(v) ? (v as Row[]) : [v as Row];
  } catch {
    // NDJSON: one JSON object a line
  }
  const rows: Row[] = [];
  for (const [i, line] of trimmed.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as Row);
    } catch {
      return `Line ${i + 1} of the Copilot file is not JSON (expected NDJSON: one report row a line).`;
    }
  }
  return rows;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** Breakdown arrays of many rows, added up per dimension value; version objects and other text are left out. */
function addBreakdowns(rows: Row[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, dims] of Object.entries(BREAKDOWNS)) {
    const groups = new Map<string, Record<string, string | number>>();
    for (const row of rows) {
      const list = row[field];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        if (!isObject(item)) continue;
        const key = dims.map((d) => String(item[d] ?? '')).join('\u0000');
        const g = groups.get(key) ?? Object.fromEntries(dims.map((d) => [d, String(item[d] ?? '')]));
        for (const [k, v] of Object.entries(item)) if (!(dims as readonly string[]).includes(k) && typeof v === 'number') g[k] = num(g[k]) + num(v);
        groups.set(key, g);
      }
    }
    out[field] = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  }
  return out;
}

function sumCounters(rows: Row[]): Record<string, number> {
  return Object.fromEntries(COUNTERS.map((c) => [c, rows.reduce((s, r) => s + num(r[c]), 0)]));
}

function cliTotals(rows: Row[]) {
  let requests = 0;
  let input = 0;
  let output = 0;
  for (const r of rows) {
    const cli = isObject(r.totals_by_cli) ? r.totals_by_cli : {};
    const tokens = isObject(cli.token_usage) ? cli.token_usage : {};
    requests += num(cli.request_count);
    input += num(tokens.prompt_tokens_sum);
    output += num(tokens.output_tokens_sum);
  }
  return { requests, input, output };
}

function build(day: string, team: string, rows: Row[], users: { active: number | null; engaged: number | null }, extra: Record<string, unknown>): UsageRecord {
  const counters = sumCounters(rows);
  const cli = cliTotals(rows);
  return {
    day,
    externalTeam: team,
    vendor: VENDOR,
    externalModel: '',
    requests: counters.user_initiated_interaction_count + cli.requests,
    inputTokens: cli.input,
    outputTokens: cli.output,
    costMicros: 0,
    currency: 'USD',
    activeUsers: users.active,
    engagedUsers: users.engaged,
    details: { ...counters, cli_request_count: cli.requests, ...extra, ...addBreakdowns(rows) },
    measures: 'usage',
  };
}

const engaged = (r: Row) => num(r.user_initiated_interaction_count) > 0 || num(r.code_acceptance_activity_count) > 0;

export function parseCopilot(text: string): ParseResult {
  const read = readRows(text);
  if (typeof read === 'string') return fail(read);
  const entityDays: Row[] = [];
  const userRows: Row[] = [];
  const memberships: Row[] = [];
  for (const [i, row] of read.entries()) {
    if (!isObject(row)) return fail(`Row ${i + 1} of the Copilot file is not an object.`);
    if (Array.isArray(row.download_links)) return fail('This is the list of download links a Copilot report endpoint returns: download the NDJSON files it links to and import those.');
    if (Array.isArray(row.day_totals)) entityDays.push(...row.day_totals.filter(isObject));
    else if ('user_id' in row && 'slug' in row && 'team_id' in row) memberships.push(row);
    else if ('user_id' in row) userRows.push(row);
    else if ('daily_active_users' in row) entityDays.push(row);
    else return fail(`Row ${i + 1} of the Copilot file is not a row of a Copilot usage metrics report (no day_totals, user_id or daily_active_users).`);
  }
  for (const [i, r] of [...entityDays, ...userRows, ...memberships].entries()) {
    if (typeof r.day !== 'string' || !isDay(r.day)) return fail(`A Copilot row (${i + 1}) has no valid "day".`);
  }
  if (!entityDays.length && !userRows.length) return fail('The Copilot file holds no usage rows (team memberships alone say nothing about usage).');

  const records: UsageRecord[] = [];
  const orgDays = new Set<string>();
  for (const r of entityDays) {
    const day = r.day as string;
    if (orgDays.has(day)) return fail(`The Copilot file has two organisation rows for ${day}.`);
    orgDays.add(day);
    const extra = Object.fromEntries(ENTITY_USERS.filter((k) => typeof r[k] === 'number').map((k) => [k, r[k]]));
    if (isObject(r.pull_requests)) extra.pull_requests = r.pull_requests;
    records.push(build(day, '', [r], { active: typeof r.daily_active_users === 'number' ? r.daily_active_users : null, engaged: null }, extra));
  }

  // Per-user rows: the organisation's day (when no organisation row has it) and each team's, by the membership join.
  const byDay = new Map<string, Row[]>();
  for (const r of userRows) push(byDay, r.day as string, r);
  const teamsOf = new Map<string, string[]>();
  for (const m of memberships) {
    push(teamsOf, `${m.day as string}\u0000${String(m.user_id)}`, String(m.slug));
  }
  for (const [day, rows] of [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const distinct = (list: Row[]) => new Set(list.map((r) => String(r.user_id))).size;
    if (!orgDays.has(day)) records.push(build(day, '', rows, { active: distinct(rows), engaged: distinct(rows.filter(engaged)) }, {}));
    const perTeam = new Map<string, Row[]>();
    for (const r of rows) for (const slug of teamsOf.get(`${day}\u0000${String(r.user_id)}`) ?? []) push(perTeam, slug, r);
    for (const [slug, members] of [...perTeam.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      records.push(build(day, slug, members, { active: distinct(members), engaged: distinct(members.filter(engaged)) }, {}));
    }
  }
  records.sort((a, b) => (a.day + '\u0000' + a.externalTeam < b.day + '\u0000' + b.externalTeam ? -1 : 1));
  return { ok: true, records };
}
