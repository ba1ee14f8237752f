import { dateIn } from '@/lib/metrics/today';

/** `uplift-experiments-2026-11-28.csv`: dated, so repeated downloads do not overwrite each other. */
export function datedFilename(base: string, extension: string, now = new Date()): string {
  return `uplift-${base}-${dateIn(now)}.${extension}`;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
} as const;

/** Headers of every download: an attachment with a dated name, never cached (the data is private and changes). */
export function downloadHeaders(filename: string, kind: keyof typeof CONTENT_TYPES): HeadersInit {
  return {
    'Content-Type': CONTENT_TYPES[kind],
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
