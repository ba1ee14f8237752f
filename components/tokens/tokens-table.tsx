import { ActionButton } from '@/components/ui/action-form';
import { Table, Td, Th, ThActions } from '@/components/ui/table';
import type { ApiTokenListRow } from '@/db/queries/people/api-tokens';
import type { ActionState } from '@/lib/action-state';

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'never');

function status(t: ApiTokenListRow, now: number) {
  if (t.revokedAt) return `revoked ${when(t.revokedAt)}`;
  if (t.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

/** Tokens with their last use; live ones can be revoked. */
export function TokensTable({ tokens, revoke, showScope }: { tokens: ApiTokenListRow[]; revoke: (p: ActionState, f: FormData) => Promise<ActionState>; showScope?: boolean }) {
  if (!tokens.length) return <p className="text-sm text-muted-foreground">No tokens yet.</p>;
  const now = Date.now();
  return (
    <Table aria-label="API tokens">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          {showScope ? <Th>Reads</Th> : null}
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <ThActions />
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => {
          const s = status(t, now);
          return (
            <tr key={t.id}>
              <Td className="font-medium">{t.name}</Td>
              <Td className="font-mono">{`${t.prefix}…`}</Td>
              {showScope ? <Td>{t.teamName ? `${t.teamName} only` : 'Whole organisation'}</Td> : null}
              <Td>{when(t.expiresAt)}</Td>
              <Td>{when(t.lastUsedAt)}</Td>
              <Td>{s}</Td>
              <Td>
                {s === 'active' ? (
                  <ActionButton action={revoke} confirm={`Revoke "${t.name}"? Tools using it stop working at once.`} label={`Revoke ${t.name}`} fields={{ tokenId: t.id }}>
                    Revoke
                  </ActionButton>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
