'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One click: a proposed experiment, same team, linked to the blocked one, with this model. */
export function RetestForm({ action, experimentId, modelId, modelName }: { action: Action; experimentId: number; modelId: number; modelName: string }) {
  return (
    <ActionForm action={action} label={`Start a re-test with ${modelName}`}>
      <input type="hidden" name="experimentId" value={experimentId} />
      <input type="hidden" name="modelId" value={modelId} />
      <Button type="submit" size="sm" variant="secondary">
        Start a re-test
      </Button>
    </ActionForm>
  );
}
