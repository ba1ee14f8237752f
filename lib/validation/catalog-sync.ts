import { z } from 'zod';
import { ALIAS_SOURCES } from '@/lib/catalog/aliases';
import { isEffort } from '@/lib/catalog/epoch-effort';

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** Apply a pending sync; `take` lists the conflicts where the source's value replaces the admin's. */
export const applySyncSchema = z.object({ id, take: z.array(z.string().max(300)).max(5000) });
export const syncIdSchema = z.object({ id });

export const aliasSchema = z
  .object({
    source: z.enum(ALIAS_SOURCES, { message: 'Choose Epoch AI, models.dev or a usage source.' }),
    // Not trimmed beyond the ends: the alias table trims ids on both sides of a lookup.
    externalId: z.string().trim().min(1, 'Enter the id the source uses.').max(200, 'At most 200 characters.'),
    modelId: id,
    effort: z.string().trim().max(20),
  })
  .refine((a) => (a.source === 'epoch' ? isEffort(a.effort) : a.effort === ''), {
    message: 'An Epoch id needs its effort (default, none … max, unknown, thinking or a budget such as 16K); any other id none.',
    path: ['effort'],
  });

export const aliasIdSchema = z.object({ aliasId: id });
