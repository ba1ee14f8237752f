import Link from 'next/link';
import type { DigestSection } from '@/lib/digest/sections';
import { QUIET_WEEK } from '@/lib/digest/render';

/** The week's digest as the email shows it: one list per section that has something (lib/digest/sections.ts). */
export function DigestView({ sections }: { sections: DigestSection[] }) {
  if (!sections.length) return <p className="text-sm text-muted-foreground">{QUIET_WEEK}</p>;
  return (
    <div className="space-y-6">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`digest-${s.id}`} data-testid={`digest-${s.id}`}>
          <h3 id={`digest-${s.id}`} className="mb-2 text-base font-semibold">
            {s.title} <span className="text-sm font-normal text-muted-foreground">({s.count})</span>
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
