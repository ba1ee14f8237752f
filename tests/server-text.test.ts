import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileDictionary } from '@/i18n/server-text';
import { translateServerText } from '@/i18n/server-text-catalogs';
import korean from '@/messages/ko/server-text.json';
import { extractServerTexts, placeholderName } from './helpers/server-text-extract';
import { parseUsage } from '@/lib/usage/sources';
import { checkRecord } from '@/lib/usage/validate';
import { smtpConfigProblem } from '@/lib/mail/smtp-config';
import { validateImportRow } from '@/lib/validation/model-import';
import { urlProblem } from '@/lib/webhooks/target';

const dictionary = korean as Record<string, string>;
const extracted = extractServerTexts();
const texts = new Set(extracted.map((t) => t.text));
const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const HANGUL = /[\uac00-\ud7a3]/;

describe('the extraction of server messages', () => {
  it('finds messages of schemas, queries and actions, with their Korean', () => {
    expect(extracted.length).toBeGreaterThan(300);
    const pairs: Record<string, string> = {
      'The two passwords differ.': '두 비밀번호가 서로 다릅니다.', // lib/validation/auth.ts, a refine message
      'Enter your email address.': '이메일 주소를 입력해야 합니다.', // lib/validation/auth.ts, a .min() argument
      'Another model already has this slug.': '이 슬러그는 이미 다른 모델이 사용하고 있습니다.', // db/queries/models/writes.ts, a refusal constant
      'This sync no longer exists.': '이 동기화는 더 이상 존재하지 않습니다.', // db/queries/models/catalog-sync.ts, refuse(…) inline
      'Token revoked.': '토큰을 폐기했습니다.', // app/(app)/admin/token-actions.ts, a success message
      'Wrong email or password.': '이메일 또는 비밀번호가 올바르지 않습니다.', // app/(auth)/actions.ts
      '{label} must be a number.': '{label} 항목에는 숫자를 입력해야 합니다.', // lib/validation/experiment-fields.ts, a template
      'Team {name} created.': '{name} 팀을 만들었습니다.', // app/(app)/admin/actions.ts, a template
      'Unexpected field(s): {value}.': '예상하지 못한 필드: {value}.', // lib/action-state.ts
      'The CSV has a header but no rows.': 'CSV에 머리글만 있고 행이 없습니다.', // lib/usage/sources/csv.ts, a UsageParseError
      'a cloud metadata service': '클라우드 메타데이터 서비스', // lib/webhooks/address.ts, a reason completing "it is …"
      'name is empty': 'name이 비어 있습니다', // lib/validation/model-import.ts, a lower-case row reason
      'UPLIFT_SMTP_URL has a user name but no password (smtp://user:password@host:587).': 'UPLIFT_SMTP_URL에 사용자 이름은 있지만 비밀번호가 없습니다(smtp://user:password@host:587).', // lib/mail/smtp-config.ts
    };
    for (const [english, ko] of Object.entries(pairs)) {
      expect(texts, english).toContain(english);
      expect(translateServerText(english, 'ko')).toBe(ko);
    }
    // Field labels reach messages through `${label}`; enumOf's in lower case.
    expect(texts).toContain('Tasks per month');
    expect(texts).toContain('status');
  });

  it('names a template’s values after what they hold', () => {
    expect(placeholderName('opts.min')).toBe('min');
    expect(placeholderName("max.toLocaleString('en-US')")).toBe('max');
    expect(placeholderName('result.created.length')).toBe('createdCount');
    expect(placeholderName("c.models === 1 ? '' : 's'")).toBe('plural');
    expect(placeholderName("unknown.join(', ')")).toBe('value');
  });
});

describe('messages/ko/server-text.json', () => {
  it('has a Korean entry for every message the server hands to forms', () => {
    const missing = extracted.filter((t) => !dictionary[t.text]?.trim()).map((t) => `${t.where}  ${JSON.stringify(t.text)}`);
    expect(missing, `No Korean in messages/ko/server-text.json for:\n${missing.join('\n')}\n`).toEqual([]);
  });

  it('puts back only the values its English names, and is Korean', () => {
    const wrong = Object.entries(dictionary).filter(([en, ko]) => [...placeholders(ko)].some((p) => !placeholders(en).has(p)) || !HANGUL.test(ko));
    expect(wrong).toEqual([]);
  });
});

describe('translateServerText', () => {
  it('returns English unchanged', () => {
    for (const s of ['The two passwords differ.', 'Tasks per month must be a number.', 'Anything at all', '']) expect(translateServerText(s, 'en')).toBe(s);
  });

  it('fills a parameterised sentence with its value, translating a value that is itself known', () => {
    expect(translateServerText('Team Platform created.', 'ko')).toBe('Platform 팀을 만들었습니다.');
    expect(translateServerText('Tasks per month must be a number.', 'ko')).toBe('월간 작업 수 항목에는 숫자를 입력해야 합니다.');
    expect(translateServerText('Hours per task with AI cannot be more than 10,000 hours.', 'ko')).toBe('AI 사용 시 작업당 시간 항목은 10,000시간 이하여야 합니다.');
    expect(translateServerText('Choose a status from the list.', 'ko')).toBe('목록에 있는 상태 중 하나를 선택해야 합니다.');
    expect(translateServerText('Score 71.5 saved, replacing the earlier one.', 'ko')).toBe('점수를 저장하고 이전 점수를 대체했습니다(71.5).');
  });

  it('translates several sentences one by one, keeping unknown ones in English', () => {
    expect(translateServerText('End date is before start date. The two passwords differ.', 'ko')).toBe('종료일이 시작일보다 앞섭니다. 두 비밀번호가 서로 다릅니다.');
    expect(translateServerText('Something new happened. Token revoked.', 'ko')).toBe('Something new happened. 토큰을 폐기했습니다.');
    // A key of two sentences wins over its sentences alone.
    expect(translateServerText('Password changed. Your other sessions were signed out. Token revoked.', 'ko')).toBe(
      '비밀번호를 변경했습니다. 다른 세션은 모두 로그아웃되었습니다. 토큰을 폐기했습니다.',
    );
  });

  it('says why a usage file was refused, as the upload form shows it ("… Nothing was imported.")', () => {
    const header = 'date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users';
    const refusal = (source: 'csv' | 'litellm' | 'openai' | 'anthropic', text: string) => {
      const r = parseUsage(source, text);
      if (r.ok) throw new Error('parsed');
      return `${r.error} Nothing was imported.`;
    };
    const cases: [string, string, string][] = [
      [refusal('csv', `${header}\n2026-02-03,a,V,m,many,1,1,1,USD,\n`), 'Row 2: requests must be a whole number of 0 or more (it is "many"). Nothing was imported.', '2행: requests은(는) 0 이상의 정수여야 합니다(현재: "many"). 아무것도 가져오지 않았습니다.'],
      [refusal('csv', `${header}\n2026-02-03,a,,m,1,1,1,1,USD,\n`), 'Row 2: vendor is empty. Nothing was imported.', '2행: vendor가 비어 있습니다. 아무것도 가져오지 않았습니다.'],
      [refusal('csv', `${header}\n`), 'The CSV has a header but no rows. Nothing was imported.', 'CSV에 머리글만 있고 행이 없습니다. 아무것도 가져오지 않았습니다.'],
      [refusal('litellm', '[{"spend": 1}]'), 'Spend log 1 has no startTime. Nothing was imported.', '1번째 지출 로그에 startTime이 없습니다. 아무것도 가져오지 않았습니다.'],
      [refusal('openai', '{'), 'The OpenAI page is not valid JSON. Nothing was imported.', 'OpenAI 페이지이(가) 올바른 JSON이 아닙니다. 아무것도 가져오지 않았습니다.'],
      // Where in a vendor's page, then what is wrong there.
      [
        refusal('openai', '{"object": "page", "data": [{"object": "bucket", "start_time": 1767225600, "results": [{"object": "organization.costs.result", "amount": {"value": "x", "currency": "usd"}}]}]}'),
        'Bucket 1, result 1 of the OpenAI page: its amount "x" is not a number. Nothing was imported.',
        'OpenAI 페이지의 1번째 버킷, 1번째 결과: 금액 "x"이(가) 숫자가 아닙니다. 아무것도 가져오지 않았습니다.',
      ],
      [refusal('anthropic', '{"data": [{}], "has_more": false}'), 'Bucket 1 of the Anthropic page has no starting_at or results. Nothing was imported.', 'Anthropic 페이지의 1번째 버킷: starting_at 또는 results가 없습니다. 아무것도 가져오지 않았습니다.'],
    ];
    for (const [text, english, ko] of cases) {
      expect(text).toBe(english);
      expect(translateServerText(text, 'ko')).toBe(ko);
      expect(translateServerText(text, 'en')).toBe(english);
    }
    // A record every source's parser let through is checked once more before it is stored (lib/usage/validate.ts).
    const team = checkRecord({ day: '2026-02-03', externalTeam: 'a\tb', vendor: 'V', externalModel: 'm', requests: 1, inputTokens: 1, outputTokens: 1, costMicros: 0, currency: 'USD', activeUsers: null, engagedUsers: null, details: null }, 4);
    expect(team).toBe('Record 4: the team holds control characters.');
    expect(translateServerText(`${team} Nothing was imported.`, 'ko')).toBe('4번째 레코드: team에 제어 문자가 있습니다. 아무것도 가져오지 않았습니다.');
    // The read-stream's size limit names the file by its source.
    expect(translateServerText('The copilot file is larger than 10 MB. Nothing was imported.', 'ko')).toBe('Copilot 파일이(가) 10MB보다 큽니다. 아무것도 가져오지 않았습니다.');
  });

  it('says why a webhook URL is refused, with its reason, as the webhook form shows it', () => {
    const cases: [string | null, string, string][] = [
      [urlProblem('https://169.254.169.254/hook', {}), 'Uplift does not post to 169.254.169.254: it is a link-local address (169.254.0.0/16), where cloud metadata services answer.', 'Uplift는 169.254.169.254(으)로 보내지 않습니다: 클라우드 메타데이터 서비스가 응답하는 링크 로컬 주소(169.254.0.0/16)입니다.'],
      [urlProblem('https://[::ffff:169.254.169.254]/hook', {}), 'Uplift does not post to ::ffff:a9fe:a9fe: it is 169.254.169.254 in IPv6 form, a link-local address (169.254.0.0/16), where cloud metadata services answer.', 'Uplift는 ::ffff:a9fe:a9fe(으)로 보내지 않습니다: IPv6 형식의 169.254.169.254, 즉 클라우드 메타데이터 서비스가 응답하는 링크 로컬 주소(169.254.0.0/16)입니다.'],
      [urlProblem('https://metadata.google.internal/', {}), 'Uplift does not post to metadata.google.internal: it is a cloud metadata service.', 'Uplift는 metadata.google.internal(으)로 보내지 않습니다: 클라우드 메타데이터 서비스입니다.'],
      [urlProblem('http://hooks.example.test/', {}), 'Use an https:// URL: the alerts it carries must not travel in clear text.', 'https:// URL을 사용하십시오. 웹훅이 전달하는 알림은 평문으로 전송되면 안 됩니다.'],
    ];
    for (const [text, english, ko] of cases) {
      expect(text).toBe(english);
      expect(translateServerText(english, 'ko')).toBe(ko);
    }
  });

  it('says what is wrong with the mail settings, as /admin shows it', () => {
    const noFrom = smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://mail.example.test:587' });
    expect(noFrom).toBe('UPLIFT_MAIL_FROM must be set with UPLIFT_SMTP_URL, e.g. "Uplift <uplift@example.com>".');
    expect(translateServerText(noFrom!, 'ko')).toBe('UPLIFT_SMTP_URL을 설정하면 UPLIFT_MAIL_FROM도 설정해야 합니다(예: "Uplift <uplift@example.com>").');
    const scheme = smtpConfigProblem({ UPLIFT_SMTP_URL: 'http://mail.example.test', UPLIFT_MAIL_FROM: 'u@example.test' });
    expect(scheme).toBe('UPLIFT_SMTP_URL must start with smtp:// or smtps:// (it starts with http://).');
    expect(translateServerText(scheme!, 'ko')).toBe('UPLIFT_SMTP_URL은 smtp:// 또는 smtps://로 시작해야 합니다(현재: http://).');
  });

  it('says why a model-import row is rejected, reason by reason, as the import preview shows them', () => {
    const raw = { slug: 'Bad Slug', name: '', vendor: 'openai', release_date: '2026-13-01', input_usd_per_mtok: '-1', output_usd_per_mtok: 'x', reasoning: 'yes' };
    const { reasons } = validateImportRow(raw, 2, ['OpenAI'], new Set());
    expect(reasons).toEqual([
      'slug "Bad Slug" may only use lower-case letters, digits, dots and dashes',
      'name is empty',
      'unknown vendor spelling "openai" (did you mean "OpenAI"?)',
      'release_date "2026-13-01" is not a date (use YYYY-MM-DD)',
      'input_usd_per_mtok is negative (-1)',
      'output_usd_per_mtok "x" is not a number',
      'reasoning "yes" must be true or false',
    ]);
    expect(reasons.map((r) => translateServerText(r, 'ko'))).toEqual([
      'slug "Bad Slug"에는 영문 소문자, 숫자, 점, 대시만 쓸 수 있습니다',
      'name이 비어 있습니다',
      '알 수 없는 벤더 표기 "openai"("OpenAI"을(를) 뜻하셨나요?)',
      'release_date "2026-13-01"이(가) 날짜가 아닙니다(YYYY-MM-DD 형식 사용)',
      'input_usd_per_mtok이(가) 음수입니다(-1)',
      'output_usd_per_mtok "x"이(가) 숫자가 아닙니다',
      'reasoning "yes"은(는) true 또는 false여야 합니다',
    ]);
  });

  it('leaves an unknown sentence in English, never empty', () => {
    expect(translateServerText('A sentence no one wrote yet.', 'ko')).toBe('A sentence no one wrote yet.');
    expect(translateServerText('', 'ko')).toBe('');
  });

  it('translates zod’s own English messages for fields whose schema names none', () => {
    const issues = [
      z.string().max(3).safeParse('abcd'),
      z.string().min(10).safeParse('abc'),
      z.number().max(5).safeParse(6),
      z.string().safeParse(undefined),
      z.enum(['a', 'b']).safeParse('c'),
      z.email().safeParse('nope'),
    ].flatMap((r) => r.error?.issues ?? []);
    expect(issues).toHaveLength(6);
    for (const issue of issues) expect(translateServerText(issue.message, 'ko'), issue.message).toMatch(HANGUL);
    expect(translateServerText(issues[0].message, 'ko')).toBe('최대 3자까지 입력할 수 있습니다.');
  });

  it('compiles a placeholder so it matches any text but the sentence around it', () => {
    const d = compileDictionary({ 'At most {max} characters.': '최대 {max}자' });
    expect(d.exact.size).toBe(0);
    expect(d.patterns[0].regex.test('At most 80 characters.')).toBe(true);
    expect(d.patterns[0].regex.test('Keep at most 80 characters.')).toBe(false);
  });
});
