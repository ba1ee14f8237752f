'use client';

import { useActionState, useRef, useState } from 'react';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { useUnsavedGuard } from '@/components/forms/use-unsaved-guard';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { initialState, type ActionState } from '@/lib/action-state';
import { CONCLUSION_LABEL, MINDSET_EXPLAIN, MINDSET_LABEL, NOT_SET_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';
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

const entries = <T extends Record<string, string>>(o: T) => Object.entries(o) as [string, string][];

/** The whole experiment on one form. Only the title is required: quick capture first, detail later. */
export function ExperimentForm({ action, initial, teams, models, benchmarks, id, version, submitLabel }: Props) {
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
          {state.error}
        </p>
      ) : null}

      <Card>
        <CardHeader title="The experiment" description="Only the title is required now; fill in the rest whenever you know it." />
        <div className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <TextField name="title" label="Title" required maxLength={200} {...field} />
          </div>
          <SelectField name="teamId" label="Team" options={teams.map((t) => [String(t.id), t.name] as const)} empty={teams.length === 1 ? undefined : 'Choose a team'} {...field} />
          <SelectField name="status" label="Status" options={entries(STATUS_LABEL)} {...field} />
          <TextField name="startDate" label="Start date" type="date" {...field} />
          <TextField name="endDate" label="End date" type="date" {...field} />
          <div className="md:col-span-2">
            <TextAreaField name="description" label="Description" maxLength={5000} {...field} />
          </div>
          <div className="md:col-span-2">
            <TextAreaField name="hypothesis" label="Hypothesis" hint="What do you expect AI to change?" maxLength={2000} rows={2} {...field} />
          </div>
          <div className="md:col-span-2 space-y-3 rounded-md border border-border p-3">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={fieldName('exploration')} defaultChecked={exploring} onChange={(e) => setExploring(e.currentTarget.checked)} className="mt-0.5" />
              <span>
                <span className="font-medium">Exploration</span>
                <span className="block text-xs text-muted-foreground">
                  Open-ended: trying what AI can do here, with no target metric yet. Never asked for capability evidence; counted in the dashboard’s exploring share. It can graduate to a measured experiment later.
                </span>
              </span>
            </label>
            {exploring ? null : (
              <TextField name="targetMetric" label="Target metric" hint="What this experiment is judged on, e.g. “hours per monthly report” or “first-reply time”." maxLength={300} {...field} />
            )}
          </div>
          <SelectField name="workType" label="Work type" options={entries(WORK_TYPE_LABEL)} empty={NOT_SET_LABEL} {...field} />
          <SelectField name="dataSensitivity" label="Data sensitivity" options={entries(SENSITIVITY_LABEL)} empty={NOT_SET_LABEL} hint="The most sensitive data the model sees." {...field} />
        </div>
        <fieldset className="mt-4">
          <legend className="text-sm font-medium">Mindset</legend>
          <div className="mt-2 grid gap-2 md:grid-cols-2 xl:grid-cols-4">
            {[...entries(MINDSET_LABEL), ['', NOT_SET_LABEL] as [string, string]].map(([value, label]) => (
              <label key={value} className="flex gap-2 rounded-md border border-border p-3 text-sm has-[:checked]:border-primary">
                <input type="radio" name={fieldName('mindset')} value={value} defaultChecked={(values.mindset ?? '') === value} />
                <span>
                  <span className="font-medium">{label}</span>
                  <span className="block text-xs text-muted-foreground">{value ? MINDSET_EXPLAIN[value as keyof typeof MINDSET_EXPLAIN] : 'Not decided yet: counted as “not set” in the mindset mix.'}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Card>

      <Card>
        <CardHeader title="Models and people" />
        <ModelPicker
          models={models}
          selected={(values.modelIds ?? '').split('\n').filter(Boolean)}
          primary={values.primaryModelId ?? ''}
          efforts={values}
          error={errors?.primaryModelId ?? errors?.modelIds}
          effortError={errors?.efforts}
          channelError={errors?.channels}
        />
        <div className="mt-4">
          <TextAreaField
            name="participants"
            label="Participants"
            hint="One name or email address per line. If an admin allows it for the team, the people listed (by email, or by name when in the team) and the owner can add outcomes and check-ins."
            maxLength={2000}
            rows={2}
            {...field}
          />
        </div>
      </Card>

      <Card>
        <CardHeader title="Efficiency" description="Time and money. Hours saved are computed from the three figures on the left." />
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="hoursBeforePerTask" label="Hours per task before AI" inputMode="decimal" {...field} />
          <TextField name="hoursWithAiPerTask" label="Hours per task with AI" inputMode="decimal" {...field} />
          <TextField name="tasksPerMonth" label="Tasks per month" inputMode="decimal" {...field} />
          <p className="md:col-span-3 text-sm" data-testid="hours-saved-preview">
            Hours saved per month: <strong>{saved == null ? '—' : saved.toLocaleString('en-US')}</strong>
          </p>
          <TextField name="spendMonthly" label="AI spend per month (USD)" inputMode="decimal" {...field} />
          <TextField name="spendOneOff" label="One-off AI spend (USD)" inputMode="decimal" {...field} />
          <TextField name="spendOneOffDate" label="One-off spend date" type="date" {...field} />
          <TextField name="qualityBefore" label="Quality before (1–5)" inputMode="numeric" {...field} />
          <TextField name="qualityAfter" label="Quality with AI (1–5)" inputMode="numeric" {...field} />
        </div>
      </Card>

      <BlockerFields benchmarks={benchmarks} {...field} />

      <Card>
        <CardHeader title="Learnings" />
        <div className="grid gap-4">
          <TextAreaField name="learnings" label="Learnings" maxLength={10_000} rows={4} {...field} />
          <SelectField name="conclusion" label="Conclusion" options={entries(CONCLUSION_LABEL)} empty="Not concluded yet" {...field} />
          <TextField name="privacyMitigation" label="Privacy mitigation" hint="For confidential data: e.g. an enterprise agreement with training opt-out." maxLength={1000} {...field} />
        </div>
      </Card>

      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}
