import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { LabelledCard } from '@/components/ui/card';
import type { ActionState } from '@/lib/action-state';

export type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A card that changes one thing about an experiment: one labelled field and a button. The experiment's id and
 * version ride along hidden, so a save over someone else's newer one is refused rather than lost. Its words
 * (title, description, formLabel, fieldLabel, submit) come from the catalog area `experiments.<name>`.
 */
export function OneFieldCard(props: {
  /** the catalog area and the card's heading id (`<name>-title`) */
  name: 'owner' | 'graduate';
  id: number;
  version: number;
  action: Action;
  /** the field itself, with id={`${name}-field`} */
  children: ReactNode;
  submitVariant?: 'secondary';
}) {
  const t = useTranslations(`experiments.${props.name}`);
  return (
    <LabelledCard name={props.name} title={t('title')} description={t('description')}>
      <ActionForm action={props.action} label={t('formLabel')}>
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="version" value={props.version} />
        <label htmlFor={`${props.name}-field`} className="sr-only">
          {t('fieldLabel')}
        </label>
        {props.children}
        <Button type="submit" size="sm" variant={props.submitVariant}>
          {t('submit')}
        </Button>
      </ActionForm>
    </LabelledCard>
  );
}
