import { cache } from 'react';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';

/** The organisation's settings row, read once per request: the language setup (its time zone) and the layout both need it. */
export const getRequestSettings = cache(async () => getSettings(await getDb()));
