import type { ReactNode } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { LabelledCard } from '@/components/ui/card';
import type { ActionState } from '@/lib/action-state';

export type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A card that changes one thing about an experiment: one labelled field and a button. The experiment's id and
 * version ride along hidden, so a save over someone else's newer one is refused rather than lost.
 */
export function OneFieldCard(props: {
  /** names the card's heading (`<name>-title`) and the field (`fieldId`) */
  name: string;
  title: ReactNode;
  description: string;
  id: number;
  version: number;
  action: Action;
  /** what the form does, for screen readers */
  formLabel: string;
  fieldId: string;
  fieldLabel: string;
  /** the field itself, with id={fieldId} */
  children: ReactNode;
  submit: string;
  submitVariant?: 'secondary';
}) {
  return (
    <LabelledCard name={props.name} title={props.title} description={props.description}>
      <ActionForm action={props.action} label={props.formLabel}>
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="version" value={props.version} />
        <label htmlFor={props.fieldId} className="sr-only">
          {props.fieldLabel}
        </label>
        {props.children}
        <Button type="submit" size="sm" variant={props.submitVariant}>
          {props.submit}
        </Button>
      </ActionForm>
    </LabelledCard>
  );
}
