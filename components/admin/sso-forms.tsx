'use client';

import { useActionState } from 'react';
import { deleteSsoMappingAction, savePasswordPolicyAction, saveSsoMappingAction, saveSsoProviderAction } from '@/app/(app)/admin/sso-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
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
  if (state.error) return <p role="alert" className="text-sm text-danger">{state.error}</p>;
  if (state.message) return <p role="status" className="text-sm text-success">{state.message}</p>;
  return null;
}

/** The provider: read-only when the environment configures it (it wins). */
export function SsoProviderForm({ view }: { view: SsoView }) {
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
    <form action={action} className="grid gap-3 md:grid-cols-2" aria-label="Single sign-on provider" noValidate>
      {readOnly ? (
        <p className="md:col-span-2 rounded-md border border-border bg-muted px-3 py-2 text-sm">
          Configured by the environment (UPLIFT_OIDC_*), which wins over this page: shown read-only.
        </p>
      ) : null}
      {field('issuer', 'Issuer URL', 'e.g. https://login.microsoftonline.com/<tenant id>/v2.0')}
      {field('name', 'Button name', 'Shown on the sign-in page: “Sign in with …”.')}
      {field('clientId', 'Client id')}
      {readOnly ? null : (
        <Field label="Client secret" name="sso-clientSecret" error={fe.clientSecret} hint={view.secretSet ? 'A secret is saved and never shown again; leave empty to keep it.' : 'Stored sealed; never shown again.'}>
          <Input id="sso-clientSecret" name="clientSecret" type="password" autoComplete="off" aria-invalid={Boolean(fe.clientSecret)} aria-describedby={describedBy('sso-clientSecret', fe.clientSecret, true)} />
        </Field>
      )}
      {field('allowedDomains', 'Allowed domains or tenants', 'Email domains, Google hd or Entra tenant ids, separated by spaces. Required.')}
      {field('roleClaim', 'Role claim', 'Optional: groups (Okta, Keycloak), roles (Entra app roles), realm_access.roles…')}
      <p className="md:col-span-2 text-xs text-muted-foreground">
        Redirect URI to register at the provider: <code>{view.callbackUrl}</code>
      </p>
      {readOnly ? null : (
        <div className="md:col-span-2 flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save single sign-on'}</Button>
          <Status state={state} />
        </div>
      )}
    </form>
  );
}

type MappingRow = { id: number; claimValue: string; role: string; teamName: string | null };
type Team = { id: number; name: string };

function DeleteMapping({ id, value }: { id: number; value: string }) {
  const [state, action, pending] = useActionState(deleteSsoMappingAction, initialState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="mappingId" value={id} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Remove the mapping of ${value}`}>Remove</Button>
      {state.error ? <span role="alert" className="text-sm text-danger">{state.error}</span> : null}
    </form>
  );
}

/** Claim values → role and team; the highest role among a person's values wins, at every sign-in. */
export function SsoMappings({ mappings, teams }: { mappings: MappingRow[]; teams: Team[] }) {
  const [state, action, pending] = useActionState(saveSsoMappingAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <div className="space-y-4">
      <Table aria-label="Role mapping">
        <thead>
          <tr>
            <Th>Claim value</Th>
            <Th>Role</Th>
            <Th>Team</Th>
            <Th><span className="sr-only">Actions</span></Th>
          </tr>
        </thead>
        <tbody>
          {mappings.length === 0 ? (
            <tr><Td colSpan={4} className="text-muted-foreground">No mapping: everyone who signs in with single sign-on is an executive (read-only).</Td></tr>
          ) : null}
          {mappings.map((m) => (
            <tr key={m.id}>
              <Td className="font-mono text-sm">{m.claimValue}</Td>
              <Td>{m.role}</Td>
              <Td>{m.teamName ?? '—'}</Td>
              <Td><DeleteMapping id={m.id} value={m.claimValue} /></Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <form action={action} className="grid gap-3 md:grid-cols-4" aria-label="Add a role mapping" noValidate>
        <Field label="Claim value" name="map-claimValue" error={fe.claimValue}>
          <Input id="map-claimValue" name="claimValue" defaultValue={v.claimValue} aria-invalid={Boolean(fe.claimValue)} aria-describedby={describedBy('map-claimValue', fe.claimValue)} />
        </Field>
        <Field label="Role" name="map-role" error={fe.role}>
          <Select id="map-role" name="role" defaultValue={v.role ?? 'executive'}>
            <option value="executive">executive (read-only)</option>
            <option value="lead">lead</option>
            <option value="admin">admin</option>
          </Select>
        </Field>
        <Field label="Team (optional)" name="map-teamId" error={fe.teamId}>
          <Select id="map-teamId" name="teamId" defaultValue={v.teamId ?? ''}>
            <option value="">No team</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </Select>
        </Field>
        <div className="flex items-end gap-3">
          <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save mapping'}</Button>
        </div>
        <div className="md:col-span-4"><Status state={state} /></div>
      </form>
    </div>
  );
}

type Candidate = { id: string; name: string; email: string };

export function PasswordPolicyForm({ disabled, breakGlassUserId, candidates }: { disabled: boolean; breakGlassUserId: string | null; candidates: Candidate[] }) {
  const [state, action, pending] = useActionState(savePasswordPolicyAction, initialState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-3 md:grid-cols-3" aria-label="Local passwords" noValidate>
      <Field label="Local passwords" name="pw-passwordsDisabled">
        <Select id="pw-passwordsDisabled" name="passwordsDisabled" defaultValue={disabled ? 'true' : 'false'}>
          <option value="false">On: everyone may use a password</option>
          <option value="true">Off: single sign-on only, except break-glass</option>
        </Select>
      </Field>
      <Field label="Break-glass admin" name="pw-breakGlassUserId" error={fe.breakGlassUserId} hint="Keeps a password for when the provider is down.">
        <Select id="pw-breakGlassUserId" name="breakGlassUserId" defaultValue={breakGlassUserId ?? ''} aria-describedby={describedBy('pw-breakGlassUserId', fe.breakGlassUserId, true)}>
          <option value="">Choose an admin</option>
          {candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.email})</option>)}
        </Select>
      </Field>
      <div className="flex items-end gap-3">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
      </div>
      <div className="md:col-span-3"><Status state={state} /></div>
    </form>
  );
}
