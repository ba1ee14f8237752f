/** The attribution the reference data's licenses ask for (db/seed/reference/SOURCES.md §7). */
export function DataAttribution() {
  return (
    <p className="text-xs text-muted-foreground" data-testid="data-attribution">
      Model capability and compute data: Epoch AI,{' '}
      <a className="underline" href="https://epoch.ai/benchmarks">
        &ldquo;Data on AI Benchmarking&rdquo;
      </a>{' '}
      and{' '}
      <a className="underline" href="https://epoch.ai/data/ai-models">
        &ldquo;Data on AI Models&rdquo;
      </a>
      , licensed CC BY 4.0 (2026-02/2026-04 snapshots, values rounded). Price data compiled from vendor announcements and
      pricing pages, LiteLLM&rsquo;s model price map (BerriAI/litellm, MIT) and models.dev (MIT). GPQA benchmark: Rein et al.
      2023, arXiv:2311.12022.
    </p>
  );
}
