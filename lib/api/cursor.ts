import { z } from 'zod';
import type { ListCursor } from '@/db/queries/experiments/list';

const shape = z.strictObject({ c: z.string().regex(/^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(:\d{2})?$/), i: z.number().int().positive() });

/** Opaque to clients: the keyset of the last row, base64url JSON. */
export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify({ c: c.createdAt, i: c.id })).toString('base64url');
}

/** null for no cursor (the first page); 'invalid' for one that was not made by encodeCursor. */
export function decodeCursor(raw: string | null): ListCursor | null | 'invalid' {
  if (!raw) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: parsed.data.c, id: parsed.data.i } : 'invalid';
  } catch {
    return 'invalid';
  }
}
