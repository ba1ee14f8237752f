// Forwarded headers (lib/security/forwarded.ts) and the device cookie (lib/auth/device-cookie.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/db/config';
import { deviceCookieAfterSignIn, deviceCookieOptions, deviceTag, trustedDeviceId } from '@/lib/auth/device-cookie';
import { checkProxyConfiguration, clientIp, forwardedHttps, parseProxyHops } from '@/lib/security/forwarded';

const env = (value: string | undefined) => ({ UPLIFT_TRUST_PROXY: value }) as unknown as NodeJS.ProcessEnv;
const forwarded = (xff: string, proto?: string) => new Headers({ 'x-forwarded-for': xff, ...(proto ? { 'x-forwarded-proto': proto } : {}) });

describe('UPLIFT_TRUST_PROXY', () => {
  it('accepts 0, 1, true, false and hop counts', () => {
    expect([undefined, '', '0', 'false', '1', 'true', 'TRUE', '2', ' 3 ', '99'].map(parseProxyHops)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 3, 99]);
  });

  it('stops start-up with one sentence for anything else', () => {
    for (const bad of ['yes', '-1', '1.5', '01', '100', 'on', '2 proxies']) {
      expect(parseProxyHops(bad)).toBeNull();
      expect(() => checkProxyConfiguration(env(bad))).toThrow(ConfigError);
    }
    expect(() => checkProxyConfiguration(env('yes'))).toThrow(
      'UPLIFT_TRUST_PROXY must be 0, 1, true or the number of proxies in front of Uplift (1–99); it is "yes".',
    );
    expect(() => checkProxyConfiguration(env('2'))).not.toThrow();
  });

  it('a bad value stops `npm run db:prepare` (and so `npm start`) before it touches the database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-proxy-'));
    try {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, UPLIFT_TRUST_PROXY: 'yes', UPLIFT_DATA_DIR: dir };
      delete childEnv.DATABASE_URL;
      const run = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/prepare-db.ts'], { encoding: 'utf8', env: childEnv });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'Uplift cannot start: UPLIFT_TRUST_PROXY must be 0, 1, true or the number of proxies in front of Uplift (1–99); it is "yes".',
      );
      expect(fs.readdirSync(dir)).toEqual(['auth-secret']); // no database was created
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the client address comes from the trusted proxy, never from the client', () => {
  it('without a trusted proxy there is no address, whatever the request says', () => {
    for (const value of [undefined, '0', 'false', 'nonsense']) expect(clientIp(forwarded('203.0.113.7'), env(value))).toBeNull();
  });

  it('one proxy: the right-most entry (the one the proxy appended), not the left-most the client sent', () => {
    expect(clientIp(forwarded('198.51.100.66, 203.0.113.7'), env('1'))).toBe('203.0.113.7');
    expect(clientIp(forwarded('1.1.1.1, 2.2.2.2, 203.0.113.7'), env('true'))).toBe('203.0.113.7');
    expect(clientIp(forwarded('203.0.113.7'), env('1'))).toBe('203.0.113.7');
  });

  it('a chain of proxies: the entry that many hops from the right', () => {
    // client forged 6.6.6.6; the outer proxy appended the client's real address, the inner one the outer's.
    expect(clientIp(forwarded('6.6.6.6, 203.0.113.7, 10.0.0.2'), env('2'))).toBe('203.0.113.7');
    expect(clientIp(forwarded('6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.3'), env('3'))).toBe('203.0.113.7');
    // Fewer entries than hops: the left-most is the furthest a trusted proxy saw.
    expect(clientIp(forwarded('203.0.113.7'), env('2'))).toBe('203.0.113.7');
  });

  it('IPv6 addresses pass, text that is no address does not', () => {
    expect(clientIp(forwarded('2001:db8::1'), env('1'))).toBe('2001:db8::1');
    expect(clientIp(forwarded('<script>'), env('1'))).toBeNull();
    expect(clientIp(new Headers(), env('1'))).toBeNull();
    expect(clientIp(new Headers({ 'x-real-ip': '203.0.113.7' }), env('1'))).toBeNull();
  });

  it('HTTPS only when the trusted proxy says so, read from its own entry', () => {
    expect(forwardedHttps(forwarded('203.0.113.7', 'https'), env('0'))).toBe(false);
    expect(forwardedHttps(forwarded('203.0.113.7', 'https'), env('1'))).toBe(true);
    expect(forwardedHttps(forwarded('203.0.113.7', 'https, http'), env('1'))).toBe(false);
    expect(forwardedHttps(forwarded('203.0.113.7', 'http, https'), env('1'))).toBe(true);
    expect(forwardedHttps(forwarded('203.0.113.7', 'https, http'), env('2'))).toBe(true);
  });
});

describe('the device cookie is signed per account', () => {
  const secret = 'test-secret-test-secret-test-secret-0123456789';
  const owner = 'owner@uplift.demo';

  it('a cookie set at sign-in is valid for that account only, with this secret only', () => {
    const cookie = deviceCookieAfterSignIn(undefined, owner, secret);
    const deviceId = cookie.split('.')[0];
    expect(deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(trustedDeviceId(cookie, owner, secret)).toBe(deviceId);
    expect(trustedDeviceId(cookie, 'someone.else@uplift.demo', secret)).toBeNull();
    expect(trustedDeviceId(cookie, owner, `${secret}-rotated`)).toBeNull();
  });

  it('a forged, edited or unsigned cookie counts as no cookie', () => {
    const cookie = deviceCookieAfterSignIn(undefined, owner, secret);
    const [deviceId, tag] = cookie.split('.');
    const otherId = 'A'.repeat(22);
    expect(trustedDeviceId(deviceId, owner, secret)).toBeNull(); // no tag
    expect(trustedDeviceId(`${otherId}.${tag}`, owner, secret)).toBeNull(); // tag moved to another device id
    expect(trustedDeviceId(`${deviceId}.${'B'.repeat(22)}`, owner, secret)).toBeNull(); // made-up tag
    expect(trustedDeviceId(`${otherId}.${deviceTag('guessed-secret-guessed-secret-guessed', otherId, owner)}`, owner, secret)).toBeNull();
    for (const junk of ['', 'x', `${cookie}.`, `${cookie};evil`, 'a.b.c', `${deviceId}.${tag}`.repeat(20)]) expect(trustedDeviceId(junk, owner, secret)).toBeNull();
  });

  it('keeps the device id and the last five accounts of a browser, newest first', () => {
    let cookie = deviceCookieAfterSignIn(undefined, 'a@x.test', secret);
    const deviceId = cookie.split('.')[0];
    for (const account of ['b@x.test', 'c@x.test', 'd@x.test', 'e@x.test', 'a@x.test', 'f@x.test']) cookie = deviceCookieAfterSignIn(cookie, account, secret);
    expect(cookie.split('.')[0]).toBe(deviceId);
    expect(cookie.split('.')).toHaveLength(6);
    for (const account of ['f@x.test', 'a@x.test', 'e@x.test', 'd@x.test', 'c@x.test']) expect(trustedDeviceId(cookie, account, secret)).toBe(deviceId);
    expect(trustedDeviceId(cookie, 'b@x.test', secret)).toBeNull(); // the oldest fell out
  });

  it('is httpOnly, SameSite=Lax, long-lived, Secure over HTTPS', () => {
    expect(deviceCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 365 * 24 * 3600 });
    expect(deviceCookieOptions(true).secure).toBe(true);
  });
});
