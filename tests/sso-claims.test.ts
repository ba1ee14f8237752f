// The sign-in rules of single sign-on, without the database: who is allowed, which values a claim
// holds, and which role and teams a mapping gives (lib/auth/sso/claims.ts).
import { describe, expect, it } from 'vitest';
import { claimValues, decideRole, domainAllowed, parseDomainList, sameIssuer } from '@/lib/auth/sso/claims';

describe('domainAllowed', () => {
  const allowed = parseDomainList('Corp.test, @example.org 11111111-2222-3333-4444-555555555555');
  it('reads a list separated by spaces or commas, lower-cased, without @', () => {
    expect(allowed).toEqual(['corp.test', 'example.org', '11111111-2222-3333-4444-555555555555']);
  });
  it('allows a verified email in a listed domain, not an unverified one', () => {
    expect(domainAllowed({ email: 'ada@corp.test', email_verified: true }, allowed)).toBe(true);
    expect(domainAllowed({ email: 'ada@corp.test', email_verified: 'true' }, allowed)).toBe(true);
    expect(domainAllowed({ email: 'ada@corp.test', email_verified: false }, allowed)).toBe(false);
    expect(domainAllowed({ email: 'ada@corp.test' }, allowed)).toBe(false);
  });
  it('does not take a listed domain inside another one', () => {
    expect(domainAllowed({ email: 'ada@evilcorp.test', email_verified: true }, allowed)).toBe(false);
    expect(domainAllowed({ email: 'ada@corp.test.evil', email_verified: true }, allowed)).toBe(false);
  });
  it('allows a listed Entra tenant (tid) or Google hosted domain (hd) whatever the email', () => {
    expect(domainAllowed({ email: 'x@gmail.com', tid: '11111111-2222-3333-4444-555555555555' }, allowed)).toBe(true);
    expect(domainAllowed({ email: 'x@gmail.com', hd: 'example.org' }, allowed)).toBe(true);
    expect(domainAllowed({ email: 'x@gmail.com', email_verified: true, hd: 'gmail.com' }, allowed)).toBe(false);
  });
  it('allows no one when the list is empty', () => {
    expect(domainAllowed({ email: 'ada@corp.test', email_verified: true }, [])).toBe(false);
  });
});

describe('claimValues', () => {
  it('reads a list, a single value and a nested claim (Keycloak)', () => {
    expect(claimValues({ groups: ['a', 'b', 3, { x: 1 }] }, 'groups')).toEqual(['a', 'b', '3']);
    expect(claimValues({ roles: 'Uplift.Admin' }, 'roles')).toEqual(['Uplift.Admin']);
    expect(claimValues({ realm_access: { roles: ['lead'] } }, 'realm_access.roles')).toEqual(['lead']);
    expect(claimValues({}, 'groups')).toEqual([]);
    expect(claimValues({ groups: ['a'] }, '')).toEqual([]);
  });
});

describe('decideRole', () => {
  const mappings = [
    { claimValue: 'leads', role: 'lead' as const, teamId: 7 },
    { claimValue: 'admins', role: 'admin' as const, teamId: null },
    { claimValue: 'viewers', role: 'executive' as const, teamId: 9 },
  ];
  it('is read-only (executive) with no team when nothing maps', () => {
    expect(decideRole(['other'], mappings)).toEqual({ role: 'executive', teams: [], mappedTeamIds: [7, 9] });
  });
  it('takes the highest role among the matched values, and their teams', () => {
    expect(decideRole(['viewers', 'leads'], mappings)).toEqual({
      role: 'lead',
      teams: [
        { teamId: 7, teamRole: 'lead' },
        { teamId: 9, teamRole: 'member' },
      ],
      mappedTeamIds: [7, 9],
    });
    expect(decideRole(['viewers', 'admins'], mappings).role).toBe('admin');
  });
});

describe('sameIssuer', () => {
  it('ignores a trailing slash only', () => {
    expect(sameIssuer('https://idp.test/realms/a/', 'https://idp.test/realms/a')).toBe(true);
    expect(sameIssuer('https://idp.test/realms/b', 'https://idp.test/realms/a')).toBe(false);
  });
});
