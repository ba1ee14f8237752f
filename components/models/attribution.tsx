import { getTranslations } from 'next-intl/server';

/** The attribution the reference data's licenses ask for (db/seed/reference/SOURCES.md §7, epoch-2026-04/PROVENANCE.md). */
export async function DataAttribution() {
  const t = await getTranslations('models');
  return (
    <p className="text-xs text-muted-foreground" data-testid="data-attribution">
      {t.rich('attribution', {
        hub: (chunks) => (
          <a className="underline" href="https://epoch.ai/benchmarks">
            {chunks}
          </a>
        ),
        data: (chunks) => (
          <a className="underline" href="https://epoch.ai/data/ai-models">
            {chunks}
          </a>
        ),
        metr: (chunks) => (
          <a className="underline" href="https://metr.org/blog/2025-03-19-measuring-ai-ability-to-complete-long-tasks/">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
