/** The attribution the reference data's licenses ask for (db/seed/reference/SOURCES.md §7, epoch-2026-04/PROVENANCE.md). */
export function DataAttribution() {
  return (
    <p className="text-xs text-muted-foreground" data-testid="data-attribution">
      Benchmark scores and the Epoch Capabilities Index: Epoch AI,{' '}
      <a className="underline" href="https://epoch.ai/benchmarks">
        &lsquo;AI Benchmarking Hub&rsquo;
      </a>{' '}
      (retrieved April 2026); training compute: Epoch AI,{' '}
      <a className="underline" href="https://epoch.ai/data/ai-models">
        &lsquo;Data on AI Models&rsquo;
      </a>{' '}
      (2026-02/2026-04 snapshots); both licensed CC BY 4.0, values rounded. Time horizons: METR,{' '}
      <a className="underline" href="https://metr.org/blog/2025-03-19-measuring-ai-ability-to-complete-long-tasks/">
        &ldquo;Measuring AI Ability to Complete Long Tasks&rdquo;
      </a>
      , as published by Epoch AI. Price data compiled from vendor announcements and pricing pages, LiteLLM&rsquo;s model price map
      (BerriAI/litellm, MIT), models.dev (MIT) and Pydantic genai-prices (MIT). GPQA benchmark: Rein et al. 2023, arXiv:2311.12022.
    </p>
  );
}
