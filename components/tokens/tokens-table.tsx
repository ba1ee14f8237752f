import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-form';
import { Table, Td, Th, ThActions } from '@/components/ui/table';
import type { ApiTokenListRow } from '@/db/queries/people/api-tokens';
import type { ActionState } from '@/lib/action-state';

const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** Tokens with their last use; live ones can be revoked. */
export async function TokensTable({ tokens, revoke, showScope }: { tokens: ApiTokenListRow[]; revoke: (p: ActionState, f: FormData) => Promise<ActionState>; showScope?: boolean }) {
  const t = await getTranslations('api.tokens');
  if (!tokens.length) return <p className="text-sm text-muted-foreground">{t('empty')}</p>;
  const when = (d: Date | null) => (d ? utc(d) : t('never'));
  const now = Date.now();
  const isActive = (row: ApiTokenListRow) => !row.revokedAt && row.expiresAt.getTime() > now;
  const status = (row: ApiTokenListRow) => {
    if (row.revokedAt) return t('revoked', { when: when(row.revokedAt) });
    return isActive(row) ? t('active') : t('expired');
  };
  return (
    <Table aria-label={t('tableLabel')}>
      <thead>
        <tr>
          <Th>{t('nameColumn')}</Th>
          <Th>{t('token')}</Th>
          {showScope ? <Th>{t('reads')}</Th> : null}
          <Th>{t('expires')}</Th>
          <Th>{t('lastUsed')}</Th>
          <Th>{t('status')}</Th>
          <ThActions label={t('actions')} />
        </tr>
      </thead>
      <tbody>
        {tokens.map((row) => (
          <tr key={row.id}>
            <Td className="font-medium">{row.name}</Td>
            <Td className="font-mono">{row.prefix}…</Td>
            {showScope ? <Td>{row.teamName ? t('teamOnly', { team: row.teamName }) : t('wholeOrganisation')}</Td> : null}
            <Td>{when(row.expiresAt)}</Td>
            <Td>{when(row.lastUsedAt)}</Td>
            <Td>{status(row)}</Td>
            <Td>
              {isActive(row) ? (
                <ActionButton action={revoke} confirm={t('revokeConfirm', { name: row.name })} label={t('revokeLabel', { name: row.name })} fields={{ tokenId: row.id }}>
                  {t('revoke')}
                </ActionButton>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
