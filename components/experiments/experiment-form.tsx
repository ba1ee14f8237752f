'use client';

import { useActionState, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { useUnsavedGuard } from '@/components/forms/use-unsaved-guard';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { initialState, type ActionState } from '@/lib/action-state';
import { CONCLUSION_LABEL, MINDSET_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';
import { useFormat } from '@/i18n/use-format';
import { useServerText } from '@/i18n/use-server-text';
import { hoursSavedPerMonth, numberOrNull } from '@/lib/metrics/hours';
import type { BlockerBenchmark } from '@/db/queries/models/blocker-benchmark';
import { BlockerFields } from './blocker-fields';
import { ModelPicker, type ModelChoice } from './model-picker';
import { ExperimentSelectField as SelectField, ExperimentTextAreaField as TextAreaField, ExperimentTextField as TextField, fieldName } from './experiment-fields';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The stored values when editing; empty when creating. */
  initial: Record<string, string>;
  teams: { id: number; name: string }[];
  models: ModelChoice[];
  /** What a blocker's bar may be on (db/queries/models/blocker-benchmark.ts). */
  benchmarks: BlockerBenchmark[];
  /** Present when editing: the row and the version the user loaded. */
  id?: number;
  version?: number;
  submitLabel: string;
};

/**
 * The schema's defaults, so an untouched select saves what the database would store anyway. Work type,
 * mindset and data sensitivity have none: they stay "not set" until someone chooses.
 */
const DEFAULTS = { status: 'proposed' };

const keys = <K extends string>(o: Record<K, string>) => Object.keys(o) as K[];

/** The whole experiment on one form. Only the title is required: quick capture first, detail later. */
export function ExperimentForm({ action, initial, teams, models, benchmarks, id, version, submitLabel }: Props) {
  const t = useTranslations('experiments.form');
  const tl = useTranslations('labels');
  const fmt = useFormat();
  const st = useServerText();
  // The enum choices in the reader's language (messages/<locale>/labels.json), in lib/labels.ts's order.
  const status = keys(STATUS_LABEL).map((k) => [k, tl(`status.${k}`)] as const);
  const workType = keys(WORK_TYPE_LABEL).map((k) => [k, tl(`workType.${k}`)] as const);
  const sensitivity = keys(SENSITIVITY_LABEL).map((k) => [k, tl(`sensitivity.${k}`)] as const);
  const conclusion = keys(CONCLUSION_LABEL).map((k) => [k, tl(`conclusion.${k}`)] as const);
  const mindsets = [
    ...keys(MINDSET_LABEL).map((k) => ({ value: k as string, label: tl(`mindset.${k}`), explain: tl(`mindsetExplain.${k}`) })),
    { value: '', label: tl('notSet'), explain: t('mindsetNotSet') },
  ];
  const [state, formAction, pending] = useActionState(action, initialState);
  const values = state.values ?? { ...DEFAULTS, ...initial };
  const errors = state.fieldErrors;
  const [saved, setSaved] = useState(() =>
    hoursSavedPerMonth(numberOrNull(values.hoursBeforePerTask), numberOrNull(values.hoursWithAiPerTask), numberOrNull(values.tasksPerMonth)),
  );
  const field = { values, errors };
  // An exploration has no target metric: the field hides while the box is ticked (the server clears it too).
  const [exploring, setExploring] = useState(values.exploration === 'on');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  useUnsavedGuard(formRef);

  return (
    <form
      ref={formRef}
      // Remount after each answer so every field shows what the server sent back.
      key={JSON.stringify(state)}
      action={formAction}
      aria-label={submitLabel}
      aria-busy={pending}
      noValidate
      className="space-y-6"
      onInput={(e) => {
        const f = e.currentTarget.elements;
        const v = (n: string) => numberOrNull((f.namedItem(n) as HTMLInputElement | null)?.value);
        setSaved(hoursSavedPerMonth(v('hoursBeforePerTask'), v('hoursWithAiPerTask'), v('tasksPerMonth')));
      }}
    >
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {version ? <input type="hidden" name={fieldName('version')} value={version} /> : null}
      {state.error ? (
        <p role="alert" data-testid="form-error" className="rounded-md border border-danger bg-danger/10 p-3 text-sm text-danger">
          {st(state.error)}
        </p>
      ) : null}

      <Card>
        <CardHeader title={t('experiment')} description={t('experimentHint')} />
        <div className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <TextField name="title" label={t('title')} required maxLength={200} {...field} />
          </div>
          <SelectField name="teamId" label={t('team')} options={teams.map((team) => [String(team.id), team.name] as const)} empty={teams.length === 1 ? undefined : t('chooseTeam')} {...field} />
          <SelectField name="status" label={t('status')} options={status} {...field} />
          <TextField name="startDate" label={t('startDate')} type="date" {...field} />
          <TextField name="endDate" label={t('endDate')} type="date" {...field} />
          <div className="md:col-span-2">
            <TextAreaField name="description" label={t('description')} maxLength={5000} {...field} />
          </div>
          <div className="md:col-span-2">
            <TextAreaField name="hypothesis" label={t('hypothesis')} hint={t('hypothesisHint')} maxLength={2000} rows={2} {...field} />
          </div>
          <div className="md:col-span-2 space-y-3 rounded-md border border-border p-3">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={fieldName('exploration')} defaultChecked={exploring} onChange={(e) => setExploring(e.currentTarget.checked)} className="mt-0.5" />
              <span>
                <span className="font-medium">{t('exploration')}</span>
                <span className="block text-xs text-muted-foreground">
                  {t('explorationHint')}
                </span>
              </span>
            </label>
            {exploring ? null : (
              <TextField name="targetMetric" label={t('targetMetric')} hint={t('targetMetricHint')} maxLength={300} {...field} />
            )}
          </div>
          <SelectField name="workType" label={t('workType')} options={workType} empty={tl('notSet')} {...field} />
          <SelectField name="dataSensitivity" label={t('dataSensitivity')} options={sensitivity} empty={tl('notSet')} hint={t('dataSensitivityHint')} {...field} />
        </div>
        <fieldset className="mt-4">
          <legend className="text-sm font-medium">{t('mindset')}</legend>
          <div className="mt-2 grid gap-2 md:grid-cols-2 xl:grid-cols-4">
            {mindsets.map(({ value, label, explain }) => (
              <label key={value} className="flex gap-2 rounded-md border border-border p-3 text-sm has-[:checked]:border-primary">
                <input type="radio" name={fieldName('mindset')} value={value} defaultChecked={(values.mindset ?? '') === value} />
                <span>
                  <span className="font-medium">{label}</span>
                  <span className="block text-xs text-muted-foreground">{explain}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Card>

      <Card>
        <CardHeader title={t('modelsAndPeople')} />
        <ModelPicker
          models={models}
          selected={(values.modelIds ?? '').split('\n').filter(Boolean)}
          primary={values.primaryModelId ?? ''}
          efforts={values}
          error={(errors?.primaryModelId ?? errors?.modelIds)?.map(st)}
          effortError={errors?.efforts?.map(st)}
          channelError={errors?.channels?.map(st)}
        />
        <div className="mt-4">
          <TextAreaField
            name="participants"
            label={t('participants')}
            hint={t('participantsHint')}
            maxLength={2000}
            rows={2}
            {...field}
          />
        </div>
      </Card>

      <Card>
        <CardHeader title={t('efficiency')} description={t('efficiencyHint')} />
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="hoursBeforePerTask" label={t('hoursBefore')} inputMode="decimal" {...field} />
          <TextField name="hoursWithAiPerTask" label={t('hoursWithAi')} inputMode="decimal" {...field} />
          <TextField name="tasksPerMonth" label={t('tasksPerMonth')} inputMode="decimal" {...field} />
          <p className="md:col-span-3 text-sm" data-testid="hours-saved-preview">
            {t.rich('hoursSavedPreview', { hours: saved == null ? '—' : fmt.formatNumber(saved, 3), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <TextField name="spendMonthly" label={t('spendMonthly')} inputMode="decimal" {...field} />
          <TextField name="spendOneOff" label={t('spendOneOff')} inputMode="decimal" {...field} />
          <TextField name="spendOneOffDate" label={t('spendOneOffDate')} type="date" {...field} />
          <TextField name="qualityBefore" label={t('qualityBefore')} inputMode="numeric" {...field} />
          <TextField name="qualityAfter" label={t('qualityAfter')} inputMode="numeric" {...field} />
        </div>
      </Card>

      <BlockerFields benchmarks={benchmarks} {...field} />

      <Card>
        <CardHeader title={t('learningsCard')} />
        <div className="grid gap-4">
          <TextAreaField name="learnings" label={t('learnings')} maxLength={10_000} rows={4} {...field} />
          <SelectField name="conclusion" label={t('conclusion')} options={conclusion} empty={t('notConcluded')} {...field} />
          <TextField name="privacyMitigation" label={t('privacyMitigation')} hint={t('privacyMitigationHint')} maxLength={1000} {...field} />
        </div>
      </Card>

      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : submitLabel}
      </Button>
    </form>
  );
}
