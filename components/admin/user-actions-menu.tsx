'use client';

import { useRef } from 'react';
import { useTranslations } from 'next-intl';
import { resetLinkAction, setActiveAction } from '@/app/(app)/admin/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Menu, MenuItem } from '@/components/ui/menu';

/** The menu button's glyph: a symbol, the same in every language (its name is the menu's label). */
const MORE = '⋯';

/**
 * A user's less frequent actions behind one "⋯" button per row, so the table is not a column of red
 * buttons: the reset link, and deactivation after a confirmation dialog (reactivation needs none).
 * The forms stay in the row so their messages (the one-time link) show there after the menu closes.
 */
export function UserActionsMenu({ user }: { user: { id: string; name: string; active: boolean } }) {
  const t = useTranslations('admin.userMenu');
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const activeForm = `active-${user.id}`;
  const resetForm = `reset-${user.id}`;
  const titleId = `deactivate-title-${user.id}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <Menu label={t('label', { name: user.name })} buttonText={<span aria-hidden="true">{MORE}</span>
} buttonRef={menuButton}>
        {user.active ? (
          <MenuItem type="submit" form={resetForm}>
            {t('resetLink')}
          </MenuItem>
        ) : null}
        {user.active ? (
          <MenuItem tone="danger" onClick={() => dialog.current?.showModal()}>
            {t('deactivateChoice')}
          </MenuItem>
        ) : (
          <MenuItem type="submit" form={activeForm}>
            {t('reactivate')}
          </MenuItem>
        )}
      </Menu>
      <ActionForm action={resetLinkAction} id={resetForm} label={t('resetFormLabel', { name: user.name })} className="justify-end">
        <input type="hidden" name="userId" value={user.id} />
      </ActionForm>
      <ActionForm action={setActiveAction} id={activeForm} label={t('accessFormLabel', { name: user.name })} className="justify-end">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
      </ActionForm>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => menuButton.current?.focus()}
        className="m-auto max-w-sm rounded-lg border border-border bg-card p-5 text-left text-foreground shadow-xl backdrop:bg-black/40"
      >
        <h2 id={titleId} className="text-base font-semibold">
          {t('confirmTitle', { name: user.name })}
        </h2>
        <p className="mt-2 text-sm text-muted-foreground">{t('confirmText')}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button type="button" variant="secondary" size="sm" onClick={() => dialog.current?.close()} autoFocus>
            {tc('cancel')}
          </Button>
          <Button type="submit" form={activeForm} variant="danger" size="sm" onClick={() => dialog.current?.close()}>
            {t('deactivate')}
          </Button>
        </div>
      </dialog>
    </div>
  );
}
