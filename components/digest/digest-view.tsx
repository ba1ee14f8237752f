import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { DigestSection } from '@/lib/digest/sections';

/** The week's digest as the email shows it: one list per section that has something (lib/digest/sections.ts). */
export function DigestView({ sections }: { sections: DigestSection[] }) {
  const t = useTranslations('digest');
  // A section this catalog does not name yet keeps the title lib/digest/sections.ts gave it.
  const title = (s: DigestSection) => (t.has(`sections.${s.id}` as 'sections.outcomes') ? t(`sections.${s.id}` as 'sections.outcomes') : s.title);
  if (!sections.length) return <p className="text-sm text-muted-foreground">{t('quietWeek')}</p>;
  return (
    <div className="space-y-6">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`digest-${s.id}`} data-testid={`digest-${s.id}`}>
          <h3 id={`digest-${s.id}`} className="mb-2 text-base font-semibold">
            {title(s)} <span className="text-sm font-normal text-muted-foreground">({s.count})</span>
          </h3>
          <ul className="space-y-2">
            {s.lines.map((l, i) => (
              <li key={i} className="border-l-2 border-border pl-3 text-sm">
                {l.link ? (
                  <Link href={l.link} className="font-medium hover:underline">
                    {l.text}
                  </Link>
                ) : (
                  <span className="font-medium">{l.text}</span>
                )}
                {l.detail ? <p className="text-muted-foreground">{l.detail}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
