import { z } from 'zod';
import { ROLES } from '@/db/schema/auth';
import { ATTEMPT_PURPOSES } from '@/db/schema/security';
import { emailSchema } from './auth';
import { MAX_ID } from './ids';

const id = z.string().trim().min(1).max(100);
const teamId = z.coerce.number({ error: 'Choose a team.' }).int('Choose a team.').positive('Choose a team.').max(MAX_ID, 'Choose a team.');

export const createUserSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'At most 120 characters.'),
  email: emailSchema,
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  teamId: z.union([z.literal(''), teamId]).optional(),
  teamRole: z.enum(['lead', 'member']).default('member'),
});

export const setRoleSchema = z.strictObject({ userId: id, role: z.enum(ROLES, { error: 'Choose a role.' }) });
export const userIdSchema = z.strictObject({ userId: id });
export const setActiveSchema = z.strictObject({ userId: id, active: z.enum(['true', 'false']) });
export const membershipSchema = z.strictObject({ userId: id, teamId, teamRole: z.enum(['lead', 'member', 'none']) });

export const teamSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter the team\u2019s name.').max(80, 'At most 80 characters.'),
  function: z.string().trim().max(80, 'At most 80 characters.').default(''),
});

/** An admin lets (or stops) the people who ran a team's experiments add their outcomes and check-ins. */
export const teamRecordingSchema = z.strictObject({ teamId, participantsMayRecord: z.enum(['yes', 'no']).transform((v) => v === 'yes') });

export const settingsSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter the organisation\u2019s name.').max(120, 'At most 120 characters.'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD, EUR or GBP.'),
  timeZone: z
    .string()
    .trim()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Use a time zone name such as Europe/London or America/New_York.'),
  fiscalYearStartMonth: z.coerce
    .number({ error: 'Choose a month.' })
    .int()
    .min(1, 'Choose a month.')
    .max(12, 'Choose a month.'),
});

/**
 * A lock-out to clear, as listed on /admin. An empty account means every account of that client,
 * which only a client with an identity of its own (an address or a device) can have.
 */
export const clearLockOutSchema = z
  .strictObject({
    purpose: z.enum(ATTEMPT_PURPOSES),
    account: z.string().trim().max(254),
    client: z.string().trim().min(1).max(120),
  })
  .refine((v) => v.account !== '' || /^(ip|device):./.test(v.client), { path: ['account'], message: 'Choose an account.' });
