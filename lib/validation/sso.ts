import { z } from 'zod';
import { ROLES } from '@/db/schema/auth';
import { parseDomainList } from '@/lib/auth/sso/claims';
import { MAX_ID } from './ids';

export const ssoProviderSchema = z.strictObject({
  issuer: z
    .string()
    .trim()
    .max(500, 'At most 500 characters.')
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname));
      } catch {
        return false;
      }
    }, 'Enter the issuer URL, e.g. https://login.microsoftonline.com/<tenant id>/v2.0.'),
  clientId: z.string().trim().min(1, 'Enter the client id.').max(300, 'At most 300 characters.'),
  /** Empty keeps the stored secret (it is never shown again). */
  clientSecret: z.string().max(1000, 'At most 1000 characters.').default(''),
  name: z.string().trim().max(60, 'At most 60 characters.').default(''),
  allowedDomains: z
    .string()
    .max(2000, 'At most 2000 characters.')
    .refine((v) => parseDomainList(v).length > 0, 'Name at least one email domain or tenant id, or anyone with an account at the provider could sign in.'),
  roleClaim: z
    .string()
    .trim()
    .max(100, 'At most 100 characters.')
    .regex(/^[\w.:/-]*$/, 'A claim name such as groups, roles or realm_access.roles.')
    .default(''),
});

const teamId = z.coerce.number({ error: 'Choose a team.' }).int('Choose a team.').positive('Choose a team.').max(MAX_ID, 'Choose a team.');

export const ssoMappingSchema = z.strictObject({
  claimValue: z.string().trim().min(1, 'Enter the group or role value.').max(200, 'At most 200 characters.'),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  teamId: z.union([z.literal(''), teamId]).default(''),
});

export const ssoMappingIdSchema = z.strictObject({
  mappingId: z.coerce.number().int().positive().max(MAX_ID),
});

export const passwordPolicySchema = z.strictObject({
  passwordsDisabled: z.enum(['true', 'false']),
  breakGlassUserId: z.string().trim().max(100).default(''),
});
