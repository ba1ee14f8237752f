import { gunzipSync } from 'node:zlib';

/** The text of a backup file, gzip-compressed or plain (detected by the gzip magic bytes, not the name). */
export function backupText(bytes: Buffer): string {
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzip ? gunzipSync(bytes) : bytes).toString('utf8');
}
