/** What the /admin/usage forms accept (zod): a team mapping and the retention setting. */
import { z } from 'zod';
import { USAGE_SOURCES } from '@/db/schema/usage';

export const usageMappingSchema = z
  .object({
    source: z.enum(USAGE_SOURCES, { message: 'Choose a usage source.' }),
    externalTeam: z.string().trim().min(1, 'Name the external team.').max(200, 'At most 200 characters.'),
    // '' = unmapped
    teamId: z.union([z.literal(''), z.coerce.number().int().positive().max(2_147_483_647)]),
  })
  .strict()
  .transform((m) => ({ source: m.source, externalTeam: m.externalTeam, teamId: m.teamId === '' ? null : m.teamId }));

export const usageRetentionSchema = z
  .object({
    // '' = keep forever; otherwise at least 30 days (the database checks the same), at most 100 years.
    days: z.union([z.literal(''), z.coerce.number({ message: 'Enter a number of days, or leave it empty to keep usage forever.' }).int('Enter whole days.').min(30, 'Keep at least 30 days (or leave it empty to keep usage forever).').max(36_500, 'At most 36500 days.')]),
  })
  .strict()
  .transform((r) => ({ days: r.days === '' ? null : r.days }));
