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
