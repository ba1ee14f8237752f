'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';
import { initialState, type ActionState } from '@/lib/action-state';
import { TOKEN_EXPIRY_DAYS } from '@/lib/validation/token-expiry';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Service tokens: the teams to choose from ('' = the whole organisation). */
  teams?: { id: number; name: string }[];
  idPrefix: string;
};

/** Creates a read-only API token and shows it once, in a box the user can copy from. */
export function CreateTokenForm({ action, teams, idPrefix }: Props) {
  const t = useTranslations('api.tokens');
  const st = useServerText();
  const [state, formAction, pending] = useActionState(action, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const token = state.ok ? /(upl_\S+)$/.exec(state.message ?? '')?.[1] : undefined;
  return (
    <form action={formAction} className="space-y-3" aria-label={t('formLabel')} noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('name')} name={`${idPrefix}-name`} error={fe.name}>
          <Input id={`${idPrefix}-name`} name="name" defaultValue={v.name} aria-invalid={Boolean(fe.name)} aria-describedby={describedBy(`${idPrefix}-name`, fe.name)} />
        </Field>
        <Field label={t('expiresAfter')} name={`${idPrefix}-expiry`} error={fe.expiresInDays}>
          <Select id={`${idPrefix}-expiry`} name="expiresInDays" defaultValue={v.expiresInDays ?? '30'}>
            {TOKEN_EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>{t('days', { days: d })}</option>
            ))}
          </Select>
        </Field>
        {teams ? (
          <Field label={t('reads')} name={`${idPrefix}-team`} error={fe.teamId}>
            <Select id={`${idPrefix}-team`} name="teamId" defaultValue={v.teamId ?? ''}>
              <option value="">{t('wholeOrganisationChoice')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>{t('teamOnly', { team: team.name })}</option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </Button>
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-danger">{st(state.error)}</p>

      ) : null}
      {token ? (
        <div role="status" className="space-y-1 text-sm">
          <p className="text-success">{t('copyNow')}</p>
          <Input readOnly aria-label={t('newToken')}
 value={token} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </form>
  );
}
