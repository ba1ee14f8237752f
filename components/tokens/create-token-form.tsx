'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
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
  const [state, formAction, pending] = useActionState(action, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const token = state.ok ? /(upl_\S+)$/.exec(state.message ?? '')?.[1] : undefined;
  return (
    <form action={formAction} className="space-y-3" aria-label="Create an API token" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Token name" name={`${idPrefix}-name`} error={fe.name}>
          <Input id={`${idPrefix}-name`} name="name" defaultValue={v.name} aria-invalid={Boolean(fe.name)} aria-describedby={describedBy(`${idPrefix}-name`, fe.name)} />
        </Field>
        <Field label="Expires after" name={`${idPrefix}-expiry`} error={fe.expiresInDays}>
          <Select id={`${idPrefix}-expiry`} name="expiresInDays" defaultValue={v.expiresInDays ?? '30'}>
            {TOKEN_EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>{`${d} days`}</option>
            ))}
          </Select>
        </Field>
        {teams ? (
          <Field label="Reads" name={`${idPrefix}-team`} error={fe.teamId}>
            <Select id={`${idPrefix}-team`} name="teamId" defaultValue={v.teamId ?? ''}>
              <option value="">The whole organisation</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>{`${t.name} only`}</option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-danger">{state.error}</p>
      ) : null}
      {token ? (
        <div role="status" className="space-y-1 text-sm">
          <p className="text-success">Copy this token now; it will not be shown again.</p>
          <Input readOnly aria-label="New API token" value={token} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </form>
  );
}
