import { useTranslations } from 'next-intl';
import { describeSource } from '@/lib/sources';

/** A value's sources as links (or plain text for values entered in the app). */
export function SourceList({ value }: { value: string | null | undefined }) {
  const t = useTranslations('models');
  const parts = describeSource(value);
  if (parts.length === 0) return <span className="text-xs text-muted-foreground">{t('noSource')}</span>;
  return (
    <span className="text-xs text-muted-foreground">
      {parts.map((s, i) => (
        <span key={`${s.label}-${i}`}>
          {i > 0 ? '; ' : null}
          {s.url ? (
            <a className="underline" href={s.url} rel="noreferrer" target="_blank">
              {s.label}
            </a>
          ) : (
            s.label
          )}
          {s.license ? ` (${s.license})` : null}
        </span>
      ))}
    </span>
  );
}
