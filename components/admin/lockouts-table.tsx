import { getTranslations } from 'next-intl/server';
import { clearLockOutAction } from '@/app/(app)/admin/actions';
import { ActionButton } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { LockOut } from '@/db/queries/people/login-attempts';

type T = Awaited<ReturnType<typeof getTranslations<'admin.lockouts'>>>;

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Who was refused, in words: the throttling client keys of db/schema/security.ts. */
export function clientLabel(t: T, client: string, clientIp: string | null): string {
  if (client.startsWith('ip:')) return client.slice(3);
  const ip = clientIp ? `, ${clientIp}` : '';
  if (client.startsWith('device:')) return t('device', { device: client.slice(7, 15), ip });
  if (client === 'user') return t('ownSession', { ip });
  return t('noDeviceCookie');
}

function accountLabel(t: T, l: LockOut): string {
  if (l.account === null) return t('everyAccount');
  return l.purpose === 'password-change' ? t('passwordChange', { account: l.account }) : l.account;
}

export async function LockOutsTable({ lockOuts }: { lockOuts: LockOut[] }) {
  const t = await getTranslations('admin.lockouts');
  if (!lockOuts.length) {
    return <p className="text-sm text-muted-foreground" data-testid="lockouts-empty">{t('empty')}</p>;
  }
  return (
    <Table data-testid="lockouts">
      <TableHead
        columns={[t('account'), t('client'), { label: t('failures'), numeric: true }, { label: t('refused'), numeric: true }, t('lastAttempt'), t('status')]}
        actions={t('clear')}
      />
      <tbody>
        {lockOuts.map((l) => {
          const who = t('who', { account: accountLabel(t, l), client: clientLabel(t, l.client, l.clientIp) });
          return (
            <tr key={`${l.purpose}|${l.account ?? '*'}|${l.client}`} data-testid="lockout-row">
              <Td className="font-medium">{accountLabel(t, l)}</Td>
              <Td>{clientLabel(t, l.client, l.clientIp)}</Td>
              <Td className="text-right">{l.failures}</Td>
              <Td className="text-right">{l.refused}</Td>
              <Td className="whitespace-nowrap">{utc(l.lastAttempt)}</Td>
              <Td>{l.lockedUntil ? <Badge tone="danger">{t('lockedUntil', { time: utc(l.lockedUntil).slice(11) })}</Badge> : <Badge>{t('expired')}</Badge>}</Td>
              <Td>
                <ActionButton
                  action={clearLockOutAction}
                  label={t('clearLabel', { who })}
                  confirm={t('clearConfirm', { who })}
                  fields={{ purpose: l.purpose, account: l.account ?? '', client: l.client }}
                >
                  {t('clear')}
                </ActionButton>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
