export type ModelChoice = { id: number; name: string; vendor: string; reasoning: boolean };

/** Several models from the catalog, one marked primary (a radio beside each checkbox). */
export function ModelPicker({ models, selected, primary, error }: { models: ModelChoice[]; selected: string[]; primary: string; error?: string[] }) {
  return (
    <fieldset aria-describedby={error?.length ? 'primaryModelId-error' : undefined}>
      <legend className="text-sm font-medium">Models used</legend>
      <p className="text-xs text-muted-foreground">Tick every model you tried; mark the one you mainly used as primary.</p>
      <div className="mt-2 max-h-64 overflow-y-auto rounded-md border border-border">
        {models.map((m) => (
          <div key={m.id} className="flex items-center justify-between gap-3 border-b border-border px-3 py-1.5 text-sm last:border-0">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="modelIds" value={m.id} defaultChecked={selected.includes(String(m.id))} aria-label={`Used ${m.name}`} />
              {m.name} <span className="text-xs text-muted-foreground">{m.vendor}</span>
            </label>
            <label className="flex items-center gap-1 text-xs text-muted-foreground">
              <input type="radio" name="primaryModelId" value={m.id} defaultChecked={primary === String(m.id)} aria-label={`Primary: ${m.name}`} /> primary
            </label>
          </div>
        ))}
      </div>
      {error?.length ? (
        <p id="primaryModelId-error" role="alert" className="mt-1 text-sm text-danger">
          {error.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
