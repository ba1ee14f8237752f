import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { planImport } from '@/db/queries/experiments/import';
import { executiveReportData } from '@/db/queries/reports/executive-report';
import { user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { orderedExperimentIds } from '@/db/queries/reports/export';
import { experimentColumns, EXPERIMENT_COLUMNS, usageColumns } from '@/lib/export/columns';
import { filteredExperimentsCsv } from '@/lib/export/experiments-csv';
import { experimentsWorkbook } from '@/lib/export/experiments-xlsx';
import { figureWords } from '@/lib/export/figure-words';
import { executiveReportPdf, unblockingModel } from '@/lib/export/pdf/executive-report';
import { extractPdfText } from '@/lib/export/pdf/extract-text';
import { methodsFor } from '@/lib/export/pdf/methods';
import { localizedReportSummary } from '@/lib/export/pdf/summary';
import { reportSummary, type ReportSummaryInput } from '@/lib/metrics/report-summary';
import { rateBook, totalSpend } from '@/lib/metrics/usage-currency';
import type { HeadlineKpis } from '@/lib/metrics/headline';
import { requestLocale } from '@/lib/export/request-locale';
import { DEFINITION_TITLE, DEFINITIONS, type DefinitionKey } from '@/lib/metrics/definitions';
import { HEADLINE, HEADLINE_IDS } from '@/lib/metrics/headline';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

async function adminUser(db: Db): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, 'admin@uplift.demo'));
  return { ...u, teamIds: [], leadTeamIds: [] };
}

describe('exports in the reader’s language', () => {
  it('English keeps lib/metrics’ titles and definitions word for word', () => {
    const en = figureWords('en');
    for (const id of HEADLINE_IDS) {
      expect(en.title(id)).toBe(HEADLINE[id].title);
      expect(en.figureDefinition(id)).toBe(HEADLINE[id].definition);
    }
    for (const k of Object.keys(DEFINITIONS) as DefinitionKey[]) {
      expect(en.definition(k)).toBe(DEFINITIONS[k]);
      expect(en.definitionTitle(k)).toBe(DEFINITION_TITLE[k]);
    }
    expect(methodsFor('en')[0]).toEqual({ term: 'Active in a period', definition: DEFINITIONS.active });
  });

  it('Korean headers and coded values; numbers, booleans, dates and codes stay as they are', () => {
    const ko = experimentColumns('ko');
    expect(ko.map((c) => c.header)).toHaveLength(EXPERIMENT_COLUMNS.length);
    expect(ko.slice(0, 5).map((c) => c.header)).toEqual(['ID', '제목', '팀', '담당자', '상태']);
    const row = { status: 'running', mindset: null, conclusion: null, accessChannels: [['GPT-5', 'api']], period: '2026-01-01 to 2026-03-31', currentHoursFrom: 'check-in of 2026-02-01' };
    const value = (header: string) => ko.find((c) => c.header === header)!.value(row as never);
    expect(value('상태')).toBe('진행 중');
    expect(value('상태 코드')).toBe('running');
    expect(value('마인드셋')).toBe('설정 안 됨');
    expect(value('결론')).toBe('아직 결론 없음');
    expect(value('접근 채널')).toBe('GPT-5: API');
    expect(value('기간')).toBe('2026-01-01 ~ 2026-03-31');
    expect(value('현재 절감 시간 기준')).toBe('2026-02-01 체크인');
    const usage = usageColumns('ko').find((c) => c.header === '환산 여부')!;
    expect(usage.value({ reportingMicros: null, currency: 'EUR', month: '2026-03' } as never)).toBe('아니요: 2026-03의 EUR 환율이 설정되지 않음');
  });

  it('a download speaks the requester’s choice, else the cookie, else the browser, else English', () => {
    const req = (headers: Record<string, string>) => new Request('http://test.local/x', { headers });
    expect(requestLocale(req({ 'accept-language': 'ko-KR,ko;q=0.9' }), { locale: 'en' })).toBe('en');
    expect(requestLocale(req({ cookie: 'a=b; uplift-locale=ko', 'accept-language': 'en' }), { locale: null })).toBe('ko');
    expect(requestLocale(req({ 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' }), {})).toBe('ko');
    expect(requestLocale(req({}), {})).toBe('en');
  });

  it('the cover summary: English word for word reportSummary, Korean from the same figures', () => {
    const kpis = (over: Partial<HeadlineKpis> = {}): HeadlineKpis => ({
      active: 48, teamsActive: 9, completed: 20, completedWithOutcome: 12, activeNewCapability: 30, activeExploring: 0,
      hoursSavedPerMonth: 4032.4, spendMonthlyCents: 3_674_000, spendOneOffCents: 0, outcomes: 31, ...over,
    });
    const input = (over: Partial<ReportSummaryInput> = {}): ReportSummaryInput => ({
      period: { from: '2026-01-01', to: '2026-03-31' }, current: kpis(), previous: kpis({ active: 42 }),
      capabilityLedger: [{ type: 'insight', outcomes: 14 }], retestCount: 3, privacyCount: 2, currency: 'USD', ...over,
    });
    const cases = [
      input(),
      input({ previous: null, retestCount: 1, privacyCount: 0 }),
      input({ current: kpis({ active: 1, teamsActive: 1, outcomes: 1, completed: 1, completedWithOutcome: 1, hoursSavedPerMonth: 1 }), previous: kpis({ active: 1 }), retestCount: 0, privacyCount: 1 }),
      input({ current: kpis({ active: 0, outcomes: 0, completed: 0, completedWithOutcome: 0 }), previous: kpis({ active: 50 }), capabilityLedger: [], retestCount: 0, privacyCount: 0 }),
      input({ current: kpis({ outcomes: 0, completedWithOutcome: 0, spendMonthlyCents: 0 }), previous: kpis({ active: 1048 }), currency: 'EUR' }),
      input({ current: kpis({ completed: 0, completedWithOutcome: 0 }) }),
    ];
    for (const c of cases) expect(localizedReportSummary(c, 'en')).toBe(reportSummary(c));
    expect(localizedReportSummary(input(), 'ko')).toBe(
      '2026-01-01 ~ 2026-03-31 기간에 9개 팀이 실험 48건을 진행했습니다(이전 기간보다 6건 많음). ' +
        '역량 성과 31건이 기록되었고(가장 많은 유형: 통찰), 완료된 실험 20건 중 12건에서 성과가 나왔습니다(60%). ' +
        '합계로 월 4,032시간을 절감하며, 월 AI 비용은 US$36,740입니다(절감 시간당 US$9). ' +
        '막혔던 실험 3건을 새 모델로 다시 테스트할 수 있으며, 실험 2건이 기록된 보호 조치 없이 기밀 또는 제한 데이터를 모델에 보냅니다.',
    );
  });

  it('names the re-test model in either language', () => {
    expect(unblockingModel({ name: 'GPT-6', vendor: 'OpenAI', effort: 'high' })).toBe('GPT-6 by OpenAI, high effort');
    expect(unblockingModel({ name: 'GPT-6', vendor: 'OpenAI', effort: 'high' }, 'ko')).toBe('GPT-6(OpenAI), 추론 강도 high');
  });
});

describeEachDb(
  'Korean exports',
  (ctx) => {
    it('the CSV has Korean headers and labels, ISO dates and plain numbers', async () => {
      const filters = parseExperimentFilters({ archived: 'include' });
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(await filteredExperimentsCsv(ctx.db, filters, {}, { locale: 'ko' })));
      const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields!.slice(0, 3)).toEqual(['ID', '제목', '팀']);
      const rows = parsed.data;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r['시작일']) || r['시작일'] === '')).toBe(true);
      expect(rows.every((r) => r['월간 비용'] === '' || /^-?\d+(\.\d+)?$/.test(r['월간 비용']))).toBe(true);
      expect(rows.every((r) => ['yes', 'no'].includes(r['탐색형']))).toBe(true);
      expect(rows.some((r) => ['제안됨', '진행 중', '완료', '중단됨'].includes(r['상태']))).toBe(true);
    });

    it('the workbook has Korean sheet names and Summary', async () => {
      const filters = parseExperimentFilters({});
      const ids = await orderedExperimentIds(ctx.db, filters);
      const body = await experimentsWorkbook(ctx.db, ids, filters, { organisation: '테스트', currency: 'KRW', filterText: '', generatedAt: new Date(), locale: 'ko' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bytesOf(body)) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['요약', '실험', '성과', '체크인', '사용량']);
      const labels: string[] = [];
      wb.getWorksheet('요약')!.eachRow((row) => labels.push(String(row.getCell(1).value)));
      expect(labels).toContain('이 파일의 실험 수');
      expect(labels).toContain('진행 중인 실험');
      expect(String(wb.getWorksheet('요약')!.getRow(1).getCell(1).value)).toBe('테스트: 실험 내보내기');
    });

    it('the Korean PDF embeds Noto Sans KR and says its headings in Korean; the English one embeds no font', async () => {
      const data = await executiveReportData(ctx.db, parseExperimentFilters({}));
      const base = { organisation: '에이크미', currency: 'USD', filterText: '', generatedAt: new Date(), paper: 'a4' as const };
      const ko = await bytesOf(executiveReportPdf(data, { ...base, locale: 'ko' }));
      const text = extractPdfText(ko);
      for (const heading of ['에이크미', '기간 요약', '주요 지표', '역량 원장', '효율 원장', '재테스트 레이더', '방법론 및 출처', '진행 중인 실험'])
        expect(text).toContain(heading);
      expect(text).toContain(`기간: ${data.period.from} ~ ${data.period.to}`);
      expect(text).toMatch(/\d+ \/ \d+쪽/);
      const raw = ko.toString('latin1');
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Bold/);
      expect(raw).toContain('/Lang (ko-KR)');

      const en = await bytesOf(executiveReportPdf(data, base));
      expect(en.toString('latin1')).not.toContain('NotoSansKR');
      expect(extractPdfText(en)).toContain('Methods and sources');
    });

    it('the PDF’s exchange-rate notes on imported usage are in the reader’s language', async () => {
      const data = await executiveReportData(ctx.db, parseExperimentFilters({}));
      // GBP bills in two months (£ is in the standard fonts' WinAnsi too), a rate set for one: the total says its rate and what it left out.
      const spend = totalSpend([{ month: '2026-01', currency: 'GBP', costMicros: 2_000_000 }, { month: '2026-02', currency: 'GBP', costMicros: 3_000_000 }], 'USD', rateBook([{ month: '2026-01', currency: 'GBP', rate: 1.25 }]));
      const usage = { currency: 'USD', total: { activeUsers: 2, engagedUsers: null, requests: 10, inputTokens: 5, outputTokens: 5, spend }, billedVsReported: [] };
      const base = { organisation: 'Acme', currency: 'USD', filterText: '', generatedAt: new Date(), paper: 'a4' as const };
      // Without white space: the paragraph wraps where the page width says.
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      const textOf = async (locale: 'en' | 'ko') => squeeze(extractPdfText(await bytesOf(executiveReportPdf({ ...data, usage }, { ...base, locale }))));
      const ko = await textOf('ko');
      expect(ko).toContain(squeeze('(1 GBP = 1.25 USD (2026-01) 환율 적용; + £3.00 미환산(2026-02의 GBP 환율 없음)).'));
      expect(ko).not.toContain('notconverted');
      expect(await textOf('en')).toContain(squeeze('(at 1 GBP = 1.25 USD (2026-01); + £3.00 not converted (no GBP rate for 2026-02)).'));
    });
  },
  { demo: true },
);

describeEachDb(
  'an export read back by the import',
  (ctx) => {
    it('an experiments CSV exported in Korean imports as the same rows as the English one', async () => {
      const filters = parseExperimentFilters({});
      const csvIn = async (locale: 'en' | 'ko') => new TextDecoder().decode(await bytesOf(await filteredExperimentsCsv(ctx.db, filters, {}, { locale })));
      const admin = await adminUser(ctx.db);
      const [en, ko] = [await planImport(ctx.db, admin, await csvIn('en')), await planImport(ctx.db, admin, await csvIn('ko'))];
      expect(ko.error).toBeUndefined();
      expect(ko.rows.length).toBe((await orderedExperimentIds(ctx.db, filters)).length);
      expect(ko.rows).toEqual(en.rows);
      expect(ko.rejected, JSON.stringify(ko.rows.filter((r) => !r.ok))).toBe(0);
      // The access channels come back with the models, the primary first.
      expect(ko.rows.some((r) => r.ok && Object.keys(r.input.channels ?? {}).length > 1)).toBe(true);
    });
  },
  { demo: true },
);
