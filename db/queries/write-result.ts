/**
 * What every mutation in db/queries returns: done, with what its caller needs (an id and version, a count…),
 * or refused with why, the one sentence a person reads, and the form field it concerns. Each mutation checks
 * its own permission-relevant facts (the team, the version) inside its transaction, so a refusal never leaves
 * half-written data.
 */
export type WriteRefusal = { ok: false; reason: 'denied' | 'not_found' | 'conflict' | 'invalid'; field?: string; message: string };
export type WriteResult<T extends object = { id: number; version: number }> = ({ ok: true } & T) | WriteRefusal;

export function refuse(reason: WriteRefusal['reason'], message: string, field?: string): WriteRefusal {
  return field ? { ok: false, reason, field, message } : { ok: false, reason, message };
}

/**
 * For a write inside a larger one (an import, a catalog sync) whose input was checked first: a refusal there
 * is a bug, so it throws and the whole transaction is undone rather than half-applied.
 */
export function written<T extends object>(result: WriteResult<T>): { ok: true } & T {
  if (!result.ok) throw new Error(`A write inside a larger one was refused: ${result.message}`);
  return result;
}
