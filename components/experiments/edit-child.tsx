'use client';

import { useCallback, useId, useRef, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import { CheckinForm, OutcomeForm, type EditOf } from './child-forms';
import { TechniqueForm, type OutcomeChoice } from './technique-form';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** An "Edit" button opening a native modal dialog (focus trap, Escape) around a form that closes it once saved. */
function EditDialog({ title, label, children }: { title: string; label: string; children: (close: () => void) => ReactNode }) {
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useCallback(() => dialog.current?.close(), []);
  return (
    <>
      <Button type="button" size="sm" variant="ghost" aria-label={label} onClick={() => dialog.current?.showModal()}>
        {tc('edit')}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(48rem,calc(100vw-2rem))] rounded-lg border border-border bg-card p-5 text-left text-foreground shadow-xl backdrop:bg-black/40"
      >
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <Button type="button" size="sm" variant="secondary" onClick={close}>
            {tc('cancel')}
          </Button>
        </div>
        {children(close)}
      </dialog>
    </>
  );
}

type Row = { id: number; version: number; values: Record<string, string> };

export function EditCheckin({ action, experimentId, today, row, label }: { action: Action; experimentId: number; today: string; row: Row; label: string }) {
  const t = useTranslations('experiments.child');
  return (
    <EditDialog title={t('editCheckin')} label={label}>
      {(close) => <CheckinForm action={action} experimentId={experimentId} today={today} edit={editOf('checkinId', row, close)} />}
    </EditDialog>
  );
}

export function EditOutcome({ action, experimentId, row, label }: { action: Action; experimentId: number; row: Row; label: string }) {
  const t = useTranslations('experiments.child');
  return (
    <EditDialog title={t('editOutcome')} label={label}>
      {(close) => <OutcomeForm action={action} experimentId={experimentId} edit={editOf('outcomeId', row, close)} />}
    </EditDialog>
  );
}

export function EditTechnique({ action, experimentId, outcomes, row, label }: { action: Action; experimentId: number; outcomes: OutcomeChoice[]; row: Row; label: string }) {
  const t = useTranslations('experiments.child');
  return (
    <EditDialog title={t('editTechnique')} label={label}>
      {(close) => <TechniqueForm action={action} experimentId={experimentId} outcomes={outcomes} edit={editOf('techniqueId', row, close)} />}
    </EditDialog>
  );
}

const editOf = (idName: EditOf['idName'], row: Row, onSaved: () => void): EditOf => ({ idName, ...row, onSaved });
