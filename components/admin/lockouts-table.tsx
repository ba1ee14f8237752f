import { clearLockOutAction } from '@/app/(app)/admin/actions';
import { ActionButton } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { LockOut } from '@/db/queries/people/login-attempts';

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Who was refused, in words: the throttling client keys of db/schema/security.ts. */
export function clientLabel(client: string, clientIp: string | null): string {
  if (client.startsWith('ip:')) return client.slice(3);
  if (client.startsWith('device:')) return `Browser ${client.slice(7, 15)}… (signed in here before)${clientIp ? `, ${clientIp}` : ''}`;
  if (client === 'user') return `Their own session${clientIp ? `, ${clientIp}` : ''}`;
  return 'Browsers without a device cookie';
}

function accountLabel(l: LockOut): string {
  if (l.account === null) return 'Every account';
  return l.purpose === 'password-change' ? `${l.account} (password change)` : l.account;
}

export function LockOutsTable({ lockOuts }: { lockOuts: LockOut[] }) {
  if (!lockOuts.length) {
    return <p className="text-sm text-muted-foreground" data-testid="lockouts-empty">No lock-outs in the last 24 hours.</p>;
  }
  return (
    <Table data-testid="lockouts">
      <TableHead columns={['Account', 'Client', { label: 'Failures', numeric: true }, { label: 'Refused', numeric: true }, 'Last attempt', 'Status']} actions="Clear" />
      <tbody>
        {lockOuts.map((l) => {
          const who = `${accountLabel(l)} from ${clientLabel(l.client, l.clientIp)}`;
          return (
            <tr key={`${l.purpose}|${l.account ?? '*'}|${l.client}`} data-testid="lockout-row">
              <Td className="font-medium">{accountLabel(l)}</Td>
              <Td>{clientLabel(l.client, l.clientIp)}</Td>
              <Td className="text-right">{l.failures}</Td>
              <Td className="text-right">{l.refused}</Td>
              <Td className="whitespace-nowrap">{utc(l.lastAttempt)}</Td>
              <Td>{l.lockedUntil ? <Badge tone="danger">Locked until {utc(l.lockedUntil).slice(11)}</Badge> : <Badge>Expired</Badge>}</Td>
              <Td>
                <ActionButton
                  action={clearLockOutAction}
                  label={`Clear lock-out of ${who}`}
                  confirm={`Clear the lock-out of ${who}? They can try again at once.`}
                  fields={{ purpose: l.purpose, account: l.account ?? '', client: l.client }}
                >
                  Clear
                </ActionButton>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
