import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/action-state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One outcome or technique of an experiment: its heading, the edit and remove buttons (when allowed), its body. */
export function ChildItem({ testId, heading, actions, children }: { testId: string; heading: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <li className="rounded-md border border-border p-3 text-sm" data-testid={testId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex flex-wrap items-center gap-2">{heading}</span>
        {actions ? <span className="flex items-center gap-1">{actions}</span> : null}
      </div>
      {children}
    </li>
  );
}

/**
 * Removes one check-in, outcome or technique after a confirmation. It sends the row's version: a removal over
 * someone's newer edit is refused rather than losing that edit unseen.
 */
export function RemoveChild(props: { action: Action; experimentId: number; idName: 'checkinId' | 'outcomeId' | 'techniqueId'; id: number; version: number; confirm: string; label: string; buttonLabel?: string }) {
  const { experimentId, idName, id, version, ...button } = props;
  const t = useTranslations('experiments.child');
  return (
    <ActionButton {...button} fields={{ experimentId, [idName]: id, version }} variant="ghost">
      {t('remove')}
    </ActionButton>
  );
}
