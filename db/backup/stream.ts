import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { Assembler } from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { BackupReadError, type BackupSource } from './read';

export type Row = Record<string, unknown>;

/** What a backup file says, in file order: its header fields, then each table's rows in batches. */
export type BackupEvent =
  | { kind: 'field'; key: string; value: unknown }
  | { kind: 'tableStart'; table: string }
  | { kind: 'rows'; table: string; rows: Row[] }
  | { kind: 'tableEnd'; table: string }
  | { kind: 'notRows'; table: string };

export class BackupShapeError extends Error {}

/**
 * Reads a backup as a stream of JSON tokens (stream-json), so memory holds one batch of rows at a
 * time, never the file. Only the shape an Uplift backup has is walked: an object whose "tables" is
 * an object of arrays of row objects; anything else becomes a field or a shape error.
 */
export async function* readBackup(source: BackupSource, batch = 2000): AsyncGenerator<BackupEvent> {
  // No value in a backup comes near 16 M characters; a longer one is refused before it fills memory.
  const parse = jsonParser({ packValues: true, streamValues: false, maxPackedLength: 2 ** 24 });
  // Where the walk is: 'top' (keys of the file), 'tables' (keys of "tables"), 'rows' (inside a table's array).
  let where = 'start' as 'start' | 'top' | 'tables' | 'rows' | 'end';
  let key: string | null = null;
  let table = '';
  let value: Assembler | null = null;
  let rows: Row[] = [];
  const out: BackupEvent[] = [];

  // A header field, a row, or a table that is not an array, once complete.
  const finish = (done: unknown) => {
    value = null;
    if (where === 'top') out.push({ kind: 'field', key: key!, value: done });
    else if (where === 'tables') out.push({ kind: 'notRows', table });
    else if (typeof done !== 'object' || done === null || Array.isArray(done)) out.push({ kind: 'notRows', table });
    else if (rows.push(done as Row) >= batch) {
      out.push({ kind: 'rows', table, rows });
      rows = [];
    }
  };
  const assemble = (token: Token) => {
    const asm = (value ??= new Assembler()).consume(token);
    if (asm.done) finish(asm.current);
  };

  const step = (token: Token) => {
    if (value) return assemble(token);
    switch (where) {
      case 'start':
        if (token.name !== 'startObject') throw new BackupShapeError('This is not an Uplift backup file.');
        where = 'top';
        return;
      case 'top':
        if (token.name === 'keyValue') key = token.value;
        else if (token.name === 'endObject') where = 'end';
        else if (key === 'tables' && token.name === 'startObject') where = 'tables';
        else if (key === 'tables') throw new BackupShapeError('The backup has no tables.');
        else assemble(token);
        return;
      case 'tables':
        if (token.name === 'keyValue') {
          table = token.value;
          out.push({ kind: 'tableStart', table });
        } else if (token.name === 'endObject') where = 'top';
        else if (token.name === 'startArray') where = 'rows';
        else assemble(token);
        return;
      case 'rows':
        if (token.name !== 'endArray') return assemble(token);
        if (rows.length) out.push({ kind: 'rows', table, rows });
        rows = [];
        out.push({ kind: 'tableEnd', table });
        where = 'tables';
        return;
      case 'end':
        return;
    }
  };

  const feed = (result: unknown) => {
    if (result === none) return;
    for (const token of isMany(result) ? getManyValues(result as Parameters<typeof getManyValues<Token>>[0]) : [result as Token]) step(token);
  };

  try {
    for await (const chunk of source.chunks()) {
      feed(parse(chunk));
      yield* out.splice(0);
    }
    feed(parse(none as unknown as string)); // flush
    yield* out.splice(0);
  } catch (err) {
    if (err instanceof BackupShapeError || err instanceof BackupReadError) throw err;
    throw new BackupShapeError(`The file is not complete JSON (truncated or damaged): ${(err as Error).message}`);
  }
  if (where !== 'end') throw new BackupShapeError('The file is not complete JSON (truncated or damaged): it ends too early.');
}
