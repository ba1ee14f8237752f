import { setActiveAction, setMembershipAction, setRoleAction, resetLinkAction } from '@/app/(app)/admin/actions';
import { Badge } from '@/components/ui/badge';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import type { UserListRow } from '@/db/queries/people/users';
import { ROLE_LABEL } from '@/lib/labels';

export function UsersTable({ users, teams, selfId }: { users: UserListRow[]; teams: { id: number; name: string }[]; selfId: string }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Teams</Th>
          <Th>Access</Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-testid={`user-row-${u.email}`}>
            <Td>
              <span className="font-medium">{u.name}</span>
              <span className="block text-xs text-muted-foreground">{u.email}</span>
              {!u.active ? <Badge tone="danger">Deactivated</Badge> : null}
            </Td>
            <Td>
              <ActionForm action={setRoleAction} label={`Role of ${u.name}`}>
                <input type="hidden" name="userId" value={u.id} />
                <Select name="role" defaultValue={u.role} aria-label={`Role of ${u.name}`} className="w-36">
                  {Object.entries(ROLE_LABEL).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
                <Button type="submit" size="sm" variant="secondary">
                  Save role
                </Button>
              </ActionForm>
            </Td>
            <Td>
              <ul className="mb-2 space-y-0.5 text-xs">
                {u.teams.map((t) => (
                  <li key={t.id}>
                    {t.name} <span className="text-muted-foreground">({t.teamRole})</span>
                  </li>
                ))}
              </ul>
              <ActionForm action={setMembershipAction} label={`Teams of ${u.name}`}>
                <input type="hidden" name="userId" value={u.id} />
                <Select name="teamId" aria-label={`Team for ${u.name}`} className="w-40">
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </Select>
                <Select name="teamRole" aria-label={`Team role for ${u.name}`} className="w-28" defaultValue="member">
                  <option value="member">Member</option>
                  <option value="lead">Lead</option>
                  <option value="none">Remove</option>
                </Select>
                <Button type="submit" size="sm" variant="secondary">
                  Set
                </Button>
              </ActionForm>
            </Td>
            <Td>
              {u.id === selfId ? (
                <span className="text-xs text-muted-foreground">You</span>
              ) : (
                <div className="space-y-2">
                  <ActionForm
                    action={setActiveAction}
                    confirm={u.active ? `Deactivate ${u.name}? Their sessions end at once.` : undefined}
                    label={`Access of ${u.name}`}
                  >
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                    <Button type="submit" size="sm" variant={u.active ? 'danger' : 'secondary'}>
                      {u.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  </ActionForm>
                  <ActionForm action={resetLinkAction} label={`Password reset for ${u.name}`}>
                    <input type="hidden" name="userId" value={u.id} />
                    <Button type="submit" size="sm" variant="ghost">
                      Reset password link
                    </Button>
                  </ActionForm>
                </div>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
