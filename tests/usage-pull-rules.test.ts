// The pull's pure rules: which base URLs a connection may call, how long a Retry-After asks to wait, and which
// days a pull asks for.
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '@/lib/usage/pull/http';
import { checkBaseUrl, isForbiddenAddress } from '@/lib/usage/pull/url-policy';
import { pullWindow } from '@/lib/usage/pull/window';
import { newConnectionSchema } from '@/lib/validation/usage-connections';

describe('base URLs of usage connections', () => {
  it('allows http and https, loopback included (a LiteLLM proxy beside Uplift, the tests’ mock servers)', () => {
    for (const url of ['https://api.openai.com', 'http://litellm.internal:4000/', 'http://127.0.0.1:3260', 'http://localhost:4000', 'http://[::1]:4000', 'https://10.0.0.5'])
      expect(checkBaseUrl(url).ok, url).toBe(true);
  });

  it('refuses link-local and cloud metadata addresses, however written', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://169.254.1.1',
      'http://2852039166/', // 169.254.169.254 as one number
      'http://0xA9FEA9FE/',
      'http://[::ffff:169.254.169.254]/',
      'http://[fe80::1]/',
      'http://metadata.google.internal/computeMetadata/v1',
      'http://METADATA.google.internal./',
      'http://100.100.100.200/',
      'http://[fd00:ec2::254]/',
    ])
      expect(checkBaseUrl(url), url).toEqual({ ok: false, reason: 'This address is link-local or a cloud metadata service, which a connection may not call.' });
  });

  it('refuses other schemes, credentials in the URL and text that is no URL', () => {
    expect(checkBaseUrl('file:///etc/passwd')).toEqual({ ok: false, reason: 'Only http and https URLs can be used.' });
    expect(checkBaseUrl('ftp://example.com')).toEqual({ ok: false, reason: 'Only http and https URLs can be used.' });
    expect(checkBaseUrl('https://user:pw@example.com')).toEqual({ ok: false, reason: 'Leave the user name and password out of the URL: enter the credential in its own field.' });
    expect(checkBaseUrl('api.openai.com')).toEqual({ ok: false, reason: 'Enter a full URL, e.g. https://api.openai.com.' });
  });

  it('checks resolved addresses the same way', () => {
    expect(['169.254.169.254', '::ffff:169.254.0.1', 'fe80::abcd', 'FEBF::1', '100.100.100.200'].map(isForbiddenAddress)).toEqual([true, true, true, true, true]);
    expect(['127.0.0.1', '::1', '10.1.2.3', '8.8.8.8', '169.255.0.1', 'fec0::1'].map(isForbiddenAddress)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the new connection form', () => {
  const valid = { source: 'openai', name: 'OpenAI prod', baseUrl: '', organization: '', credential: ' sk-admin-abc ' };

  it('takes the vendor default base URL and trims the credential', () => {
    expect(newConnectionSchema.parse(valid)).toEqual({ source: 'openai', name: 'OpenAI prod', baseUrl: 'https://api.openai.com', organization: '', credential: 'sk-admin-abc' });
  });

  it('asks for what each source needs', () => {
    const issues = (input: Record<string, string>) => {
      const r = newConnectionSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(issues({ ...valid, source: 'litellm' })).toEqual([['baseUrl', 'Enter the URL of your LiteLLM proxy, e.g. https://litellm.example.com.']]);
    expect(issues({ ...valid, source: 'copilot' })).toEqual([['organization', 'Enter the GitHub organisation whose Copilot usage to pull.']]);
    expect(issues({ ...valid, baseUrl: 'http://169.254.169.254' })).toEqual([['baseUrl', 'This address is link-local or a cloud metadata service, which a connection may not call.']]);
    expect(issues({ ...valid, credential: 'two words' })).toEqual([['credential', 'A key or token has no spaces.']]);
    expect(issues({ ...valid, source: 'csv' })).toEqual([['source', 'Choose a source.']]);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs('Sat, 05 Dec 2026 22:00:10 GMT', Date.parse('2026-12-05T22:00:00Z'))).toBe(10_000);
    expect(retryAfterMs('Sat, 05 Dec 2026 21:00:00 GMT', Date.parse('2026-12-05T22:00:00Z'))).toBe(0);
    expect([retryAfterMs(null), retryAfterMs('soon')]).toEqual([null, null]);
  });
});

describe('the days a pull asks for', () => {
  const now = new Date('2026-12-05T00:30:00Z');

  it('reaches back the first window on a first pull, up to yesterday (UTC)', () => {
    expect(pullWindow(null, now, 28)).toEqual({ from: '2026-11-07', to: '2026-12-04' });
    expect(pullWindow(null, now, 30)).toEqual({ from: '2026-11-05', to: '2026-12-04' });
  });

  it('resumes the day after the last complete day, and asks nothing when up to date', () => {
    expect(pullWindow('2026-12-01', now, 30)).toEqual({ from: '2026-12-02', to: '2026-12-04' });
    expect(pullWindow('2026-10-01', now, 30)).toEqual({ from: '2026-10-02', to: '2026-12-04' });
    expect(pullWindow('2026-12-04', now, 30)).toBeNull();
    expect(pullWindow('2026-12-05', now, 30)).toBeNull();
  });
});
