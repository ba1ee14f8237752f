'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deleteSsoMappingAction, savePasswordPolicyAction, saveSsoMappingAction, saveSsoProviderAction } from '@/app/(app)/admin/sso-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { useServerText } from '@/i18n/use-server-text';
import { initialState, type ActionState } from '@/lib/action-state';

export type SsoView = {
  source: 'env' | 'admin' | 'none';
  issuer: string;
  clientId: string;
  name: string;
  allowedDomains: string;
  roleClaim: string;
  secretSet: boolean;
  callbackUrl: string;
};

function Status({ state }: { state: ActionState }) {
  const st = useServerText();
  if (state.error) return <p role="alert" className="text-sm text-danger">{st(state.error)}</p>;
  if (state.message) return <p role="status" className="text-sm text-success">{st(state.message)}</p>;
  return null;
}

/** The provider: read-only when the environment configures it (it wins). */
export function SsoProviderForm({ view }: { view: SsoView }) {
  const t = useTranslations('admin.sso');
  const [state, action, pending] = useActionState(saveSsoProviderAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const readOnly = view.source === 'env';
  const field = (name: keyof SsoView & string, label: string, hint?: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} name={`sso-${name}`} error={fe[name]} hint={hint}>
      <Input
        id={`sso-${name}`}
        name={name}
        defaultValue={v[name] ?? String(view[name])}
        readOnly={readOnly}
        aria-invalid={Boolean(fe[name])}
        aria-describedby={describedBy(`sso-${name}`, fe[name], Boolean(hint))}
        {...extra}
      />
    </Field>
  );
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2" aria-label={t('providerLabel')} noValidate>
      {readOnly ? (
        <p className="md:col-span-2 rounded-md border border-border bg-muted px-3 py-2 text-sm">
          {t('fromEnvironment')}
        </p>
      ) : null}
      {field('issuer', t('issuer'), t('issuerHint', { example: 'https://login.microsoftonline.com/<tenant id>/v2.0' }))}
      {field('name', t('buttonName'), t('buttonNameHint'))}
      {field('clientId', t('clientId'))}
      {readOnly ? null : (
        <Field label={t('clientSecret')} name="sso-clientSecret" error={fe.clientSecret} hint={view.secretSet ? t('secretSaved') : t('secretSealed')}>
          <Input id="sso-clientSecret" name="clientSecret" type="password" autoComplete="off" aria-invalid={Boolean(fe.clientSecret)} aria-describedby={describedBy('sso-clientSecret', fe.clientSecret, true)} />
        </Field>
      )}
      {field('allowedDomains', t('allowedDomains'), t('allowedDomainsHint'))}
      {field('roleClaim', t('roleClaim'), t('roleClaimHint'))}
      <p className="md:col-span-2 text-xs text-muted-foreground">
        {t.rich('redirectUri', { url: view.callbackUrl, code: (chunks) => <code>{chunks}</code> })}
      </p>
      {readOnly ? null : (
        <div className="md:col-span-2 flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? t('saving') : t('saveProvider')}</Button>
          <Status state={state} />
        </div>
      )}
    </form>
  );
}

type MappingRow = { id: number; claimValue: string; role: string; teamName: string | null };
type Team = { id: number; name: string };

function DeleteMapping({ id, value }: { id: number; value: string }) {
  const t = useTranslations('admin.sso');
  const st = useServerText();
  const [state, action, pending] = useActionState(deleteSsoMappingAction, initialState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="mappingId" value={id} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={t('removeMappingLabel', { value })}>{t('remove')}</Button>
      {state.error ? <span role="alert" className="text-sm text-danger">{st(state.error)}</span>
 : null}
    </form>
  );
}

const ROLES = ['admin', 'lead', 'executive'] as const;
const isRole = (r: string): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r);

/** Claim values → role and team; the highest role among a person's values wins, at every sign-in. */
export function SsoMappings({ mappings, teams }: { mappings: MappingRow[]; teams: Team[] }) {
  const t = useTranslations('admin.sso');
  const [state, action, pending] = useActionState(saveSsoMappingAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <div className="space-y-4">
      <Table aria-label={t('mappingTable')}>
        <thead>
          <tr>
            <Th>{t('claimValue')}</Th>
            <Th>{t('role')}</Th>
            <Th>{t('team')}</Th>
            <Th><span className="sr-only">{t('actions')}</span></Th>
          </tr>
        </thead>
        <tbody>
          {mappings.length === 0 ? (
            <tr><Td colSpan={4} className="text-muted-foreground">{t('noMapping')}</Td></tr>
          ) : null}
          {mappings.map((m) => (
            <tr key={m.id}>
              <Td className="font-mono text-sm">{m.claimValue}</Td>
              <Td>{isRole(m.role) ? t(`roles.${m.role}`) : m.role}</Td>
              <Td>{m.teamName ?? '—'}</Td>
              <Td><DeleteMapping id={m.id} value={m.claimValue} /></Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <form action={action} className="grid gap-3 md:grid-cols-4" aria-label={t('addMapping')} noValidate>
        <Field label={t('claimValue')} name="map-claimValue" error={fe.claimValue}>
          <Input id="map-claimValue" name="claimValue" defaultValue={v.claimValue} aria-invalid={Boolean(fe.claimValue)} aria-describedby={describedBy('map-claimValue', fe.claimValue)} />
        </Field>
        <Field label={t('role')} name="map-role" error={fe.role}>
          <Select id="map-role" name="role" defaultValue={v.role ?? 'executive'}>
            <option value="executive">{t('executiveReadOnly')}</option>
            <option value="lead">{t('roles.lead')}</option>
            <option value="admin">{t('roles.admin')}</option>
          </Select>
        </Field>
        <Field label={t('teamOptional')} name="map-teamId" error={fe.teamId}>
          <Select id="map-teamId" name="teamId" defaultValue={v.teamId ?? ''}>
            <option value="">{t('noTeam')}</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </Select>
        </Field>
        <div className="flex items-end gap-3">
          <Button type="submit" disabled={pending}>{pending ? t('saving') : t('saveMapping')}</Button>
        </div>
        <div className="md:col-span-4"><Status state={state} /></div>
      </form>
    </div>
  );
}

type Candidate = { id: string; name: string; email: string };

export function PasswordPolicyForm({ disabled, breakGlassUserId, candidates }: { disabled: boolean; breakGlassUserId: string | null; candidates: Candidate[] }) {
  const t = useTranslations('admin.sso');
  const tc = useTranslations('common');
  const [state, action, pending] = useActionState(savePasswordPolicyAction, initialState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-3 md:grid-cols-3" aria-label={t('localPasswords')} noValidate>
      <Field label={t('localPasswords')} name="pw-passwordsDisabled">
        <Select id="pw-passwordsDisabled" name="passwordsDisabled" defaultValue={disabled ? 'true' : 'false'}>
          <option value="false">{t('passwordsOn')}</option>
          <option value="true">{t('passwordsOff')}</option>
        </Select>
      </Field>
      <Field label={t('breakGlass')} name="pw-breakGlassUserId" error={fe.breakGlassUserId} hint={t('breakGlassHint')}>
        <Select id="pw-breakGlassUserId" name="breakGlassUserId" defaultValue={breakGlassUserId ?? ''} aria-describedby={describedBy('pw-breakGlassUserId', fe.breakGlassUserId, true)}>
          <option value="">{t('chooseAdmin')}</option>
          {candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.email})</option>)}
        </Select>
      </Field>
      <div className="flex items-end gap-3">
        <Button type="submit" disabled={pending}>{pending ? t('saving') : tc('save')}</Button>
      </div>
      <div className="md:col-span-3"><Status state={state} /></div>
    </form>
  );
}
