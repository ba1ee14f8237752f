'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One click: a proposed experiment, same team, linked to the blocked one, with this model. */
export function RetestForm({
  action,
  experimentId,
  version,
  modelId,
  modelName,
}: {
  action: Action;
  experimentId: number;
  /** The experiment's version when the page was loaded: a changed experiment is refused. */
  version: number;
  modelId: number;
  modelName: string;
}) {
  const t = useTranslations('insights.radar');
  return (
    <ActionForm action={action} label={t('startWith', { model: modelName })}>
      <input type="hidden" name="experimentId" value={experimentId} />
      <input type="hidden" name="modelId" value={modelId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" size="sm" variant="secondary">
        {t('start')}
      </Button>
    </ActionForm>
  );
}
