import { z } from 'zod';
import { MAX_ID } from './ids';

import { TOKEN_EXPIRY_DAYS } from './token-expiry';

const name = z.string().trim().min(1, 'Name the token, e.g. "Power BI".').max(80, 'At most 80 characters.');
const expiresInDays = z.enum(TOKEN_EXPIRY_DAYS, { error: 'Choose when the token expires.' }).default('30');

export const createPersonalTokenSchema = z.strictObject({ name, expiresInDays });

/** A service token reads one team's data, or the whole organisation's when no team is chosen. */
export const createServiceTokenSchema = z.strictObject({
  name,
  expiresInDays,
  teamId: z.union([z.literal(''), z.coerce.number({ error: 'Choose a team.' }).int().positive().max(MAX_ID, 'Choose a team.')]).default(''),
});

export const revokeTokenSchema = z.strictObject({ tokenId: z.coerce.number({ error: 'Invalid request.' }).int().positive().max(MAX_ID) });

export const expiryFromDays = (days: string, now = Date.now()) => new Date(now + Number(days) * 86_400_000);
