import { EFFORT_FIELD_PREFIX, effortLabel } from '@/lib/catalog/model-efforts';
import { fieldName } from './experiment-fields';

/** `efforts`: what the model accepts (lib/catalog/model-efforts.ts), its default first. */
export type ModelChoice = { id: number; name: string; vendor: string; reasoning: boolean; efforts: string[] };

type Props = {
  models: ModelChoice[];
  selected: string[];
  primary: string;
  /** The form's values: `effort-<id>` holds a link's saved or typed effort. */
  efforts: Record<string, string>;
  error?: string[];
  effortError?: string[];
};

/** Several models from the catalog, one marked primary (a radio beside each checkbox), each with the reasoning effort used. */
export function ModelPicker({ models, selected, primary, efforts, error, effortError }: Props) {
  const describedBy = [error?.length ? 'primaryModelId-error' : '', effortError?.length ? 'efforts-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset aria-describedby={describedBy || undefined}>
      <legend className="text-sm font-medium">Models used</legend>
      <p className="text-xs text-muted-foreground">
        Tick every model you tried; mark the one you mainly used as primary, and say how hard it reasoned (the efforts the catalog lists for it).
      </p>
      <div className="mt-2 max-h-64 overflow-y-auto rounded-md border border-border">
        {models.map((m) => (
          <div key={m.id} className="flex items-center justify-between gap-3 border-b border-border px-3 py-1.5 text-sm last:border-0">
            <label className="flex items-center gap-2">
              <input type="checkbox" name={fieldName('modelIds')} value={m.id} defaultChecked={selected.includes(String(m.id))} aria-label={`Used ${m.name}`} />
              {m.name} <span className="text-xs text-muted-foreground">{m.vendor}</span>
            </label>
            <span className="flex items-center gap-3">
              <select
                name={`${EFFORT_FIELD_PREFIX}${m.id}`}
                defaultValue={efforts[`${EFFORT_FIELD_PREFIX}${m.id}`] ?? m.efforts[0]}
                aria-label={`Reasoning effort: ${m.name}`}
                className="rounded border border-border bg-background px-1 py-0.5 text-xs"
              >
                {m.efforts.map((e) => (
                  <option key={e} value={e}>
                    {effortLabel(e)}
                  </option>
                ))}
              </select>
              <label className="flex items-center gap-1 text-xs text-muted-foreground">
                <input type="radio" name={fieldName('primaryModelId')} value={m.id} defaultChecked={primary === String(m.id)} aria-label={`Primary: ${m.name}`} /> primary
              </label>
            </span>
          </div>
        ))}
      </div>
      {error?.length ? (
        <p id="primaryModelId-error" role="alert" className="mt-1 text-sm text-danger">
          {error.join(' ')}
        </p>
      ) : null}
      {effortError?.length ? (
        <p id="efforts-error" role="alert" className="mt-1 text-sm text-danger">
          {effortError.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
