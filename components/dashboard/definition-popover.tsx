import { useTranslations } from 'next-intl';

/** An (i) icon that opens a figure's definition (lib/metrics/definitions.ts); a <details>, so it needs no script. */
export function DefinitionPopover({ title, definition }: { title: string; definition: string }) {
  const t = useTranslations('dashboard');
  return (
    <details className="group relative">
      <summary
        className="definition-summary"
        aria-label={t('definitionLabel', { title })}
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 7.2v4M8 4.8v.1" strokeLinecap="round" />
        </svg>
      </summary>
      <div className="definition-panel">
        <p className="mb-1 font-medium">{title}</p>
        <p className="text-muted-foreground">{definition}</p>
      </div>
    </details>
  );
}
