import { useTranslations } from 'next-intl';
import { EFFORT_FIELD_PREFIX } from '@/lib/catalog/model-efforts';
import { CHANNEL_FIELD_PREFIX, CHANNEL_LABEL } from '@/lib/labels';
import { effortText } from './effort-text';
import { fieldName } from './experiment-fields';

/** `efforts`: what the model accepts (lib/catalog/model-efforts.ts), its default first. */
export type ModelChoice = { id: number; name: string; vendor: string; reasoning: boolean; efforts: string[] };

/** In the form's order: the consumer plans, the API, a company plan, one's own copy. */
const CHANNELS = Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[];

type Props = {
  models: ModelChoice[];
  selected: string[];
  primary: string;
  /** The form's values: `effort-<id>` and `channel-<id>` hold a link's saved or typed effort and channel. */
  efforts: Record<string, string>;
  error?: string[];
  effortError?: string[];
  channelError?: string[];
};

/** Several models from the catalog, one marked primary (a radio beside each checkbox), each with the reasoning effort used. */
export function ModelPicker({ models, selected, primary, efforts, error, effortError, channelError }: Props) {
  const t = useTranslations('experiments.picker');
  const tm = useTranslations('experiments.models');
  const tl = useTranslations('labels');
  const effortWords = { vendorDefault: tm('effortDefault'), noReasoning: tm('effortNone'), thinkingTokens: (effort: string) => tm('effortTokens', { effort }) };
  const describedBy = [error?.length ? 'primaryModelId-error' : '', effortError?.length ? 'efforts-error' : '', channelError?.length ? 'channels-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset aria-describedby={describedBy || undefined}>
      <legend className="text-sm font-medium">{t('legend')}</legend>
      <p className="text-xs text-muted-foreground">
        {t('hint')}
      </p>
      <div className="mt-2 max-h-64 overflow-y-auto rounded-md border border-border">
        {models.map((m) => (
          <div key={m.id} className="flex items-center justify-between gap-3 border-b border-border px-3 py-1.5 text-sm last:border-0">
            <label className="flex items-center gap-2">
              <input type="checkbox" name={fieldName('modelIds')} value={m.id} defaultChecked={selected.includes(String(m.id))} aria-label={t('used', { model: m.name })} />
              {m.name} <span className="text-xs text-muted-foreground">{m.vendor}</span>
            </label>
            <span className="flex flex-wrap items-center justify-end gap-3">
              <select
                name={`${CHANNEL_FIELD_PREFIX}${m.id}`}
                defaultValue={efforts[`${CHANNEL_FIELD_PREFIX}${m.id}`] ?? 'api'}
                aria-label={t('channel', { model: m.name })}
                className="rounded border border-border bg-background px-1 py-0.5 text-xs"
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {tl(`channel.${c}`)}
                  </option>
                ))}
              </select>
              <select
                name={`${EFFORT_FIELD_PREFIX}${m.id}`}
                defaultValue={efforts[`${EFFORT_FIELD_PREFIX}${m.id}`] ?? m.efforts[0]}
                aria-label={t('effort', { model: m.name })}
                className="rounded border border-border bg-background px-1 py-0.5 text-xs"
              >
                {m.efforts.map((e) => (
                  <option key={e} value={e}>
                    {effortText(e, effortWords)}
                  </option>
                ))}
              </select>
              <label className="flex items-center gap-1 text-xs text-muted-foreground">
                <input type="radio" name={fieldName('primaryModelId')} value={m.id} defaultChecked={primary === String(m.id)} aria-label={t('primaryLabel', { model: m.name })} /> {t('primary')}
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
      {channelError?.length ? (
        <p id="channels-error" role="alert" className="mt-1 text-sm text-danger">
          {channelError.join(' ')}
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
