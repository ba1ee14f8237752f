'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { downloadWithProgress } from './download';

export type ExportFormat = 'csv' | 'outcomes-csv' | 'checkins-csv' | 'usage-csv' | 'xlsx' | 'pdf';

// `label`: the format's name in messages/<locale>/reports.json (`export.formats`).
const FORMATS: Record<ExportFormat, { label: 'csv' | 'outcomesCsv' | 'checkinsCsv' | 'usageCsv' | 'xlsx' | 'pdf'; path: string; extra: string }> = {
  csv: { label: 'csv', path: '/api/export/experiments', extra: 'format=csv' },
  'outcomes-csv': { label: 'outcomesCsv', path: '/api/export/experiments', extra: 'format=csv&dataset=outcomes' },
  'checkins-csv': { label: 'checkinsCsv', path: '/api/export/experiments', extra: 'format=csv&dataset=checkins' },
  'usage-csv': { label: 'usageCsv', path: '/api/export/experiments', extra: 'format=csv&dataset=usage' },
  xlsx: { label: 'xlsx', path: '/api/export/experiments', extra: 'format=xlsx' },
  pdf: { label: 'pdf', path: '/api/reports/executive', extra: 'format=pdf' },
};

const mb = (bytes: number) => (bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

/**
 * "Export" buttons that carry the page's current filters (the same query string as /experiments),
 * so a file holds exactly what is on screen. While a file downloads the buttons are busy and the
 * received size is shown.
 */
export function ExportMenu({ query, formats = ['csv', 'xlsx', 'pdf'], paper }: { query: string; formats?: ExportFormat[]; paper?: 'a4' | 'letter' }) {
  const t = useTranslations('reports.export');
  const label = (format: ExportFormat) => t(`formats.${FORMATS[format].label}`);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function run(format: ExportFormat) {
    const f = FORMATS[format];
    const params = [f.extra, query.replace(/^\?/, ''), format === 'pdf' && paper ? `paper=${paper}` : ''].filter(Boolean).join('&');
    setBusy(format);
    setError('');
    setStatus(t('preparing', { format: label(format) }));
    try {
      const name = await downloadWithProgress(
        `${f.path}?${params}`,
        (bytes) => setStatus(t('received', { format: label(format), size: mb(bytes) })),
        (status) => t('failedHttp', { status }),
      );
      setStatus(t('downloaded', { name }));
    } catch (err) {
      setStatus('');
      setError(err instanceof Error ? err.message : t('failed'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('label')}>
        <span className="text-sm font-medium">{t('label')}</span>
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className={buttonClasses('secondary', 'sm')}
            disabled={busy !== null}
            aria-busy={busy === format}
            onClick={() => run(format)}
          >
            {busy === format ? t('busy', { format: label(format) }) : label(format)}
          </button>
        ))}
      </div>
      <p className="min-h-5 text-sm text-muted-foreground" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p className="text-sm text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
