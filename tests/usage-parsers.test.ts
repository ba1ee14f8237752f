import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '@/lib/usage/csv-stream';
import type { UsageRecord } from '@/lib/usage/record';
import { decimalToMicros, MAX_PARSE_CHARS, UsageParseError } from '@/lib/usage/sources/common';
import { CSV_HEADER, CSV_TEMPLATE } from '@/lib/usage/sources/csv';
import { parseUsage, type ParseResult } from '@/lib/usage/sources';
import { buildModelIndex, resolveModel, withoutDate } from '@/lib/usage/model-match';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures/usage', name), 'utf8');
const records = (r: ParseResult): UsageRecord[] => {
  if (!r.ok) throw new Error(r.error);
  return r.records;
};
const errorOf = (r: ParseResult) => (r.ok ? 'parsed' : r.error);

describe('decimalToMicros: exact, no float drift', () => {
  it.each([
    ['0.000123', 0, 123],
    [0.000123, 0, 123],
    ['4.1875', 0, 4_187_500],
    [0.1 + 0.2, 0, 300_000],
    ['1e-7', 0, 0],
    ['0.0000005', 0, 1],
    ['-0.0000005', 0, -1],
    ['-2.5', 0, -2_500_000],
    ['.5', 0, 500_000],
    ['123.45', -2, 1_234_500],
    ['0.0123', -2, 123],
    [1e21, 0, null],
    ['abc', 0, null],
    ['', 0, null],
  ] as const)('%s (shift %i) → %s', (value, shift, expected) => {
    expect(decimalToMicros(value, shift)).toBe(expected);
  });
});

describe('copilot', () => {
  it('reads each day of an entity report (day_totals) as the organisation, breakdowns kept', () => {
    const [d1, d2] = records(parseUsage('copilot', fixture('copilot-enterprise-28-day.json')));
    expect(d1).toMatchObject({ day: '2025-10-01', externalTeam: '', vendor: 'GitHub', externalModel: '', requests: 3, inputTokens: 5300, outputTokens: 7000, costMicros: 0, activeUsers: 2, engagedUsers: null, measures: 'usage' });
    expect(d1.details).toMatchObject({ code_generation_activity_count: 2, code_acceptance_activity_count: 2, loc_added_sum: 30, cli_request_count: 3, weekly_active_users: 2, monthly_active_users: 2, daily_active_cli_users: 2 });
    expect(d1.details!.totals_by_ide).toEqual([
      { ide: 'vscode', code_acceptance_activity_count: 2, code_generation_activity_count: 2, loc_added_sum: 30, loc_deleted_sum: 0, loc_suggested_to_add_sum: 35, loc_suggested_to_delete_sum: 0, user_initiated_interaction_count: 0 },
    ]);
    expect(d2).toMatchObject({ day: '2025-10-02', requests: 7, inputTokens: 0, outputTokens: 0, activeUsers: 3 });
    expect((d2.details!.totals_by_ide as { ide: string }[]).map((i) => i.ide)).toEqual(['intellij', 'vscode']);
    expect(d2.details!.totals_by_model_feature).toEqual([
      { model: 'claude-sonnet-4.5', feature: 'chat_panel_agent_mode', code_acceptance_activity_count: 3, code_generation_activity_count: 5, loc_added_sum: 21, loc_deleted_sum: 4, loc_suggested_to_add_sum: 22, loc_suggested_to_delete_sum: 0, user_initiated_interaction_count: 7 },
    ]);
    expect(d2.details!.totals_by_language_model).toEqual([
      { language: 'typescript', model: 'claude-sonnet-4.5', code_acceptance_activity_count: 3, code_generation_activity_count: 5, loc_added_sum: 21, loc_deleted_sum: 4, loc_suggested_to_add_sum: 22, loc_suggested_to_delete_sum: 0 },
    ]);
  });

  it('joins per-user rows with user-teams rows into team days, as GitHub\'s guide does (distinct users, summed counters)', () => {
    const [org, backend, frontend] = records(parseUsage('copilot', fixture('copilot-users-and-teams-1-day.ndjson')));
    expect(org).toMatchObject({ day: '2026-05-07', externalTeam: '', activeUsers: 3, engagedUsers: 2, requests: 82, inputTokens: 3800, outputTokens: 5000 });
    expect(backend).toMatchObject({ externalTeam: 'backend', activeUsers: 1, engagedUsers: 1, requests: 52, inputTokens: 3800, outputTokens: 5000 });
    expect(frontend).toMatchObject({ externalTeam: 'frontend', activeUsers: 2, engagedUsers: 2, requests: 82 });
    // The guide's worked example: frontend accepted 19 times and added 112 lines.
    expect(frontend.details).toMatchObject({ code_acceptance_activity_count: 19, loc_added_sum: 112, user_initiated_interaction_count: 80 });
    expect(frontend.details!.totals_by_ide).toEqual([
      { ide: 'vscode', code_acceptance_activity_count: 19, code_generation_activity_count: 65, loc_added_sum: 112, loc_deleted_sum: 3, loc_suggested_to_add_sum: 280, loc_suggested_to_delete_sum: 0, user_initiated_interaction_count: 80 },
    ]);
    expect((frontend.details!.totals_by_model_feature as { model: string; feature: string; code_generation_activity_count: number }[]).map((m) => [m.model, m.feature, m.code_generation_activity_count])).toEqual([
      ['gpt-4.1', 'chat_panel_agent_mode', 40],
      ['gpt-4.1', 'chat_panel_ask_mode', 25],
    ]);
    expect((org.details!.totals_by_language_feature as { language: string }[]).map((l) => l.language)).toEqual(['java', 'python', 'typescript']);
  });

  it('refuses the link list, memberships alone, and lines that are not JSON', () => {
    expect(errorOf(parseUsage('copilot', '{"download_links": ["https://example.com/a.ndjson"], "report_day": "2026-05-07"}'))).toMatch(/download the NDJSON files/);
    expect(errorOf(parseUsage('copilot', '{"user_id": 1, "day": "2026-05-07", "team_id": 4, "slug": "x"}'))).toMatch(/no usage rows/);
    expect(errorOf(parseUsage('copilot', '{"day": "2026-05-07", "daily_active_users": 2}\nnot json'))).toBe('Line 2 of the Copilot file is not JSON (expected NDJSON: one report row a line).');
    expect(errorOf(parseUsage('copilot', '{"day": "2026-13-07", "daily_active_users": 2}'))).toMatch(/no valid "day"/);
    expect(errorOf(parseUsage('copilot', '[{"total_active_users": 3}]'))).toMatch(/not a row of a Copilot usage metrics report/);
  });
});

describe('openai', () => {
  it('reads a usage page by project and model', () => {
    expect(records(parseUsage('openai', fixture('openai-usage-completions.json')))).toEqual([
      { day: '2025-12-01', externalTeam: 'proj_platform', vendor: 'OpenAI', externalModel: 'gpt-4o-2024-08-06', requests: 4200, inputTokens: 1_250_000, outputTokens: 310_000, costMicros: 0, currency: 'USD', activeUsers: null, engagedUsers: null, details: { input_cached_tokens: 400_000 }, measures: 'usage' },
      { day: '2025-12-01', externalTeam: 'proj_support', vendor: 'OpenAI', externalModel: 'gpt-4o-mini-2024-07-18', requests: 310, inputTokens: 98_000, outputTokens: 12_000, costMicros: 0, currency: 'USD', activeUsers: null, engagedUsers: null, details: { input_cached_tokens: 0 }, measures: 'usage' },
      { day: '2025-12-02', externalTeam: 'proj_platform', vendor: 'OpenAI', externalModel: 'gpt-4o-2024-08-06', requests: 3000, inputTokens: 900_000, outputTokens: 200_000, costMicros: 0, currency: 'USD', activeUsers: null, engagedUsers: null, details: { input_cached_tokens: 150_000 }, measures: 'usage' },
    ]);
  });

  it('reads a costs page by project and the model its line items name, in exact micros', () => {
    const rows = records(parseUsage('openai', fixture('openai-costs.json')));
    expect(rows.map((r) => [r.day, r.externalTeam, r.externalModel, r.costMicros, r.currency, r.measures])).toEqual([
      ['2025-12-01', 'proj_platform', 'gpt-4o-2024-08-06', 6_225_000, 'USD', 'cost'],
      ['2025-12-01', 'proj_support', 'gpt-4o-mini-2024-07-18', 123, 'USD', 'cost'],
    ]);
  });

  it('refuses malformed JSON, another shape and an oversized page with one sentence', () => {
    expect(errorOf(parseUsage('openai', '{"object": "page", "data": ['))).toBe('The OpenAI page is not valid JSON.');
    expect(errorOf(parseUsage('openai', '{"data": []}'))).toMatch(/^This is not a page of the OpenAI Usage or Costs API/);
    expect(errorOf(parseUsage('openai', '{"object": "page", "data": [{"object": "bucket", "start_time": 1, "results": [{"object": "organization.usage.completions.result", "input_tokens": -4}]}]}'))).toBe(
      'Bucket 1, result 1 of the OpenAI page: its token and request counts must be whole numbers.',
    );
    expect(errorOf(parseUsage('openai', ' '.repeat(MAX_PARSE_CHARS + 1)))).toBe('The OpenAI page is larger than 50 MB; split it into smaller pages.');
  });
});

describe('anthropic', () => {
  it('reads a usage report page: every input token kind counted as input, the breakdown kept', () => {
    const [haiku, sonnet] = records(parseUsage('anthropic', fixture('anthropic-usage-report.json')));
    expect(haiku).toMatchObject({ day: '2025-08-01', externalTeam: '', externalModel: 'claude-haiku-4-5-20251001', requests: 0, inputTokens: 300, outputTokens: 90, vendor: 'Anthropic', measures: 'usage' });
    expect(sonnet).toMatchObject({ externalTeam: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', externalModel: 'claude-sonnet-4-20250514', inputTokens: 3200, outputTokens: 500 });
    expect(sonnet.details).toEqual({ uncached_input_tokens: 1500, cache_read_input_tokens: 200, cache_creation_1h_input_tokens: 1000, cache_creation_5m_input_tokens: 500, web_search_requests: 10 });
  });

  it('reads a cost report page whose amounts are cents', () => {
    const rows = records(parseUsage('anthropic', fixture('anthropic-cost-report.json')));
    expect(rows.map((r) => [r.externalTeam, r.externalModel, r.costMicros, r.currency, r.measures])).toEqual([
      ['wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', '', 500_000, 'USD', 'cost'],
      ['wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', 'claude-sonnet-4-20250514', 1_234_623, 'USD', 'cost'],
    ]);
  });

  it('refuses another shape', () => {
    expect(errorOf(parseUsage('anthropic', '{"object": "page", "data": []}'))).toMatch(/^This is not a page of the Anthropic usage or cost report/);
    expect(errorOf(parseUsage('anthropic', '{"data": [{"starting_at": "2025-08-01T00:00:00Z", "results": [{"model": "x"}]}], "has_more": false}'))).toBe(
      'Bucket 1, result 1 of the Anthropic page: it is neither usage (output_tokens) nor cost (amount).',
    );
  });
});

describe('litellm', () => {
  it('reads the daily activity API by team (else key) and model', () => {
    expect(records(parseUsage('litellm', fixture('litellm-daily-activity.json')))).toEqual([
      { day: '2026-11-03', externalTeam: 'key:ci-bot', vendor: 'OpenAI', externalModel: 'gpt-4o-mini', requests: 1, inputTokens: 11, outputTokens: 711, costMicros: 700, currency: 'USD', activeUsers: null, engagedUsers: null, details: { 'key_spend_micros:ci-bot': 700 } },
      {
        day: '2026-11-03', externalTeam: 'team-search', vendor: 'Anthropic', externalModel: 'anthropic/claude-sonnet-4-5', requests: 10, inputTokens: 100, outputTokens: 1000, costMicros: 17_000, currency: 'USD', activeUsers: null, engagedUsers: null,
        details: { 'key_spend_micros:search-svc': 12_000, 'key_spend_micros:search-batch': 5000 },
      },
    ]);
  });

  it('adds spend log rows up per day, team and model', () => {
    const rows = records(parseUsage('litellm', fixture('litellm-spend-logs.json')));
    expect(rows.map((r) => [r.day, r.externalTeam, r.vendor, r.externalModel, r.requests, r.inputTokens, r.outputTokens, r.costMicros])).toEqual([
      ['2026-11-03', 'team-search', 'OpenAI', 'gpt-4o-mini', 2, 150, 50, 200],
      ['2026-11-04', 'key:personal-dana', 'Anthropic', 'claude-sonnet-4-5-20250929', 1, 700, 200, 4200],
    ]);
  });

  it('refuses another shape', () => {
    expect(errorOf(parseUsage('litellm', '{"teams": []}'))).toMatch(/^This is neither a LiteLLM daily activity page/);
    expect(errorOf(parseUsage('litellm', '[{"spend": 1}]'))).toBe('Spend log 1 has no startTime.');
  });
});

describe('csv', () => {
  const expected = [
    { day: '2026-11-02', externalTeam: 'platform', vendor: 'Mistral AI', externalModel: 'mistral-large-2', requests: 1250, inputTokens: 1_830_000, outputTokens: 412_000, costMicros: 4_187_500, currency: 'EUR', activeUsers: 18, engagedUsers: null, details: null },
    { day: '2026-11-02', externalTeam: '', vendor: 'Cohere', externalModel: 'command-r-plus', requests: 80, inputTokens: 95_000, outputTokens: 21_000, costMicros: 123, currency: 'USD', activeUsers: null, engagedUsers: null, details: null },
    { day: '2026-11-03', externalTeam: 'platform', vendor: 'Mistral AI', externalModel: 'mistral-large-2', requests: 900, inputTokens: 1_200_000, outputTokens: 300_000, costMicros: 2_750_000, currency: 'EUR', activeUsers: 15, engagedUsers: null, details: null },
  ];

  it('reads the fixture, costs exact to the micro', () => {
    expect(records(parseUsage('csv', fixture('usage.csv')))).toEqual(expected);
  });

  it('reads the same rows from a stream, row by row', async () => {
    const out: UsageRecord[] = [];
    for await (const r of csvRecords(Readable.from([fixture('usage.csv').slice(0, 50), fixture('usage.csv').slice(50)]))) out.push(r);
    expect(out).toEqual(expected);
  });

  it('reads a stream cut anywhere: inside a quoted cell, between CR and LF, around blank lines', async () => {
    const text = `${CSV_HEADER}\r\n2026-11-02,"plat,form",Mistral AI,mistral-large-2,1250,1830000,412000,4.1875,EUR,18\r\n\r\n , ,\r\n2026-11-02,,Cohere,command-r-plus,80,95000,21000,0.000123,USD,\r\n`;
    const whole: UsageRecord[] = [];
    for await (const r of csvRecords(Readable.from([Buffer.from(text)]))) whole.push(r);
    expect(whole.map((r) => [r.externalTeam, r.vendor, r.activeUsers])).toEqual([
      ['plat,form', 'Mistral AI', 18],
      ['', 'Cohere', null],
    ]);
    for (const size of [1, 2, 7, 50]) {
      const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size)));
      const out: UsageRecord[] = [];
      for await (const r of csvRecords(Readable.from(pieces))) out.push(r);
      expect(out).toEqual(whole);
    }
  });

  it('reads a file whose lines end in CR alone, in pieces of any size, as the whole text', async () => {
    const text = `${CSV_HEADER}\r2026-11-02,platform,Mistral AI,mistral-large-2,1250,1830000,412000,4.1875,EUR,18\r2026-11-02,,Cohere,command-r-plus,80,95000,21000,0.000123,USD,\r`;
    const whole = records(parseUsage('csv', text));
    expect(whole.map((r) => [r.externalTeam, r.requests])).toEqual([['platform', 1250], ['', 80]]);
    // Pieces of 1..3 characters show no line break, or a CR at their very end, before the first row is whole.
    for (const size of [1, 2, 3, 64]) {
      const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size)));
      const out: UsageRecord[] = [];
      for await (const r of csvRecords(Readable.from(pieces))) out.push(r);
      expect(out).toEqual(whole);
    }
  });

  it('reads a stray quote inside a quoted cell alike wherever its row falls, streamed or whole', async () => {
    const row = (team: string) => `2026-11-02,${team},Mistral AI,mistral-large-2,1,1,1,1,EUR,1`;
    for (const text of [`${CSV_HEADER}\n${row('"pla"t"')}\n${row('b')}\n`, `${CSV_HEADER}\n${row('b')}\n${row('"pla"t"')}\n`, `${CSV_HEADER}\n${row('b')}\n${row('"pla"t"')}`]) {
      const whole = records(parseUsage('csv', text)).map((r) => r.externalTeam);
      expect(whole.sort()).toEqual(['b', 'pla"t']);
      for (const size of [1, 5, 1000]) {
        const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size)));
        const out: string[] = [];
        for await (const r of csvRecords(Readable.from(pieces))) out.push(r.externalTeam);
        expect(out.sort()).toEqual(whole);
      }
    }
  });

  it('stops at a quote that is never closed, and at a row longer than 1 MB', async () => {
    const read = async (text: string) => {
      for await (const r of csvRecords(Readable.from([text]))) void r;
    };
    await expect(read(`${CSV_HEADER}\n2026-11-02,"platform,Mistral AI,m,1,1,1,1,EUR,1\n`)).rejects.toThrow(new UsageParseError('The CSV has a quote that is never closed.'));
    await expect(read(`${CSV_HEADER}\n2026-11-02,"${'x'.repeat(1_100_000)}`)).rejects.toThrow(
      new UsageParseError('The CSV has a row longer than 1 MB: a quote is probably never closed.'),
    );
  });

  it('reads its own template', () => {
    expect(records(parseUsage('csv', CSV_TEMPLATE))).toHaveLength(2);
  });

  it.each([
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency\n', /^The first row must be exactly "date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users"/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n', /^The CSV has a header but no rows\.$/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-02-30,a,V,m,1,1,1,1,USD,\n', /^Row 2: date must be a day written YYYY-MM-DD \(it is "2026-02-30"\)\.$/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-02-03,a,V,m,1,1,1,1.2.3,USD,\n', /^Row 2: cost must be a decimal/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-02-03,a,V,m,-1,1,1,1,USD,\n', /^Row 2: requests must be a whole number of 0 or more/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-02-03,a,,m,1,1,1,1,USD,\n', /^Row 2: vendor is empty\.$/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-02-03,a,V,m,1,1,1,1,dollars,\n', /^Row 2: currency must be a three-letter code/],
    ['date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-02-03,a,V,m,1,1,1,1\n', /^Row 2 has 8 cells/],
  ])('refuses %j', (text, message) => {
    expect(errorOf(parseUsage('csv', text))).toMatch(message);
  });

  it('refuses NUL bytes in any source, naming them', () => {
    const nul = 'The file contains NUL bytes, so it is not UTF-8 text (a file saved as UTF-16 looks like this): save it as UTF-8 and try again.';
    expect(errorOf(parseUsage('csv', `\u0000${fixture('usage.csv')}`))).toBe(nul);
    expect(errorOf(parseUsage('csv', `${fixture('usage.csv')}2026-11-04,a\u0000,V,m,1,1,1,1,USD,\n`))).toBe(`Row 5: ${nul}`);
    expect(errorOf(parseUsage('openai', fixture('openai-costs.json').replace('proj_support', 'proj\\u0000')))).toBe(nul);
    expect(errorOf(parseUsage('copilot', `${fixture('copilot-users-and-teams-1-day.ndjson')}\u0000`))).toBe(nul);
  });

  it('stops a stream at its first bad row with that row\'s sentence', async () => {
    const text = `${fixture('usage.csv')}2026-11-04,platform,Mistral AI,mistral-large-2,x,1,1,1,EUR,\n`;
    const read = async () => {
      for await (const r of csvRecords(Readable.from([text]))) void r;
    };
    await expect(read()).rejects.toThrow(new UsageParseError('Row 5: requests must be a whole number of 0 or more (it is "x").'));
  });
});

describe('resolveModel: vendor ids to catalog models through the alias table', () => {
  const index = buildModelIndex(
    [
      { source: 'models.dev', externalId: 'openai/gpt-4o', modelId: 1 },
      { source: 'models.dev', externalId: 'anthropic/claude-sonnet-4-5', modelId: 2 },
      { source: 'models.dev', externalId: 'anthropic/claude-sonnet-4-20250514', modelId: 3 },
      { source: 'csv', externalId: 'Large 2 (Sept)', modelId: 4 },
    ],
    [{ id: 5, slug: 'mistral-large-2' }],
  );
  it.each([
    ['openai', 'OpenAI', 'gpt-4o-2024-08-06', 1],
    ['litellm', 'Anthropic', 'anthropic/claude-sonnet-4-5', 2],
    ['litellm', 'Anthropic', 'claude-sonnet-4-5-20250929', 2],
    ['anthropic', 'Anthropic', 'claude-sonnet-4-20250514', 3],
    ['csv', 'Mistral AI', 'Large 2 (Sept)', 4],
    ['csv', 'Mistral AI', 'Mistral-Large-2', 5],
    ['csv', 'Cohere', 'command-r-plus', null],
    ['openai', 'OpenAI', '', null],
  ] as const)('%s %s %s → %s', (source, vendor, model, expected) => {
    expect(resolveModel(index, source, vendor, model)).toBe(expected);
  });
  it('drops a snapshot date', () => {
    expect([withoutDate('gpt-4o-2024-08-06'), withoutDate('claude-3-5-sonnet@20240620'), withoutDate('o3')]).toEqual(['gpt-4o', 'claude-3-5-sonnet', 'o3']);
  });
});
