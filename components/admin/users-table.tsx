import { setMembershipAction, setRoleAction } from '@/app/(app)/admin/actions';
import { UserActionsMenu } from '@/components/admin/user-actions-menu';
import { Badge } from '@/components/ui/badge';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { Table, Td, Th, ThActions } from '@/components/ui/table';
import type { UserListRow } from '@/db/queries/people/users';
import { ROLE_LABEL } from '@/lib/labels';

/**
 * Users with their role and team memberships at a glance: memberships are chips (team and the role in
 * it) each with its own remove button; adding one starts from an empty choice; the rarer actions
 * (reset link, deactivate with a confirmation) sit behind one menu per row.
 */
const CELL = 'block border-b-0 py-1 md:table-cell md:border-b md:py-2';

export function UsersTable({ users, teams, selfId }: { users: UserListRow[]; teams: { id: number; name: string }[]; selfId: string }) {
  return (
    <Table>
      {/* On a phone each user is a block (no sideways scrolling); from md up, a table row. */}
      <thead className="hidden md:table-header-group">
        <tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Teams</Th>
          <ThActions />
        </tr>
      </thead>
      <tbody>
        {users.map((u) => {
          const others = teams.filter((t) => !u.teams.some((m) => m.id === t.id));
          const leadsNone = u.role === 'lead' && !u.teams.some((m) => m.teamRole === 'lead');
          return (
            <tr key={u.id} data-testid={`user-row-${u.email}`} className="relative block border-b border-border py-2 md:table-row md:py-0">
              <Td className={CELL}>
                <span className="font-medium">{u.name}</span>
                <span className="block break-all text-xs text-muted-foreground">{u.email}</span>
                {!u.active ? <Badge tone="danger">Deactivated</Badge> : null}
              </Td>
              <Td className={CELL}>
                <ActionForm action={setRoleAction} label={`Role of ${u.name}`} className="flex-nowrap">
                  <input type="hidden" name="userId" value={u.id} />
                  <Select name="role" defaultValue={u.role} aria-label={`Role of ${u.name}`} className="w-32">
                    {Object.entries(ROLE_LABEL).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                  <Button type="submit" size="sm" variant="secondary">
                    Save
                  </Button>
                </ActionForm>
                {leadsNone ? <p className="mt-1 text-xs text-muted-foreground">Leads no team yet: add them to a team as its lead.</p> : null}
              </Td>
              <Td className={CELL}>
                {u.teams.length ? (
                  <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={`Teams of ${u.name}`}>
                    {u.teams.map((t) => (
                      <li
                        key={t.id}
                        className={
                          t.teamRole === 'lead'
                            ? 'inline-flex items-center rounded-full border border-primary/50 bg-primary/10 text-xs'
                            : 'inline-flex items-center rounded-full border border-border bg-muted text-xs'
                        }
                      >
                        <span className="py-0.5 pl-2.5">
                          <span className="font-medium">{t.name}</span>
                          <span className="text-muted-foreground">{t.teamRole === 'lead' ? ' · lead' : ' · member'}</span>
                        </span>
                        <ActionForm action={setMembershipAction} label={`Remove ${u.name} from ${t.name}`} className="flex-nowrap gap-1">
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="teamId" value={t.id} />
                          <input type="hidden" name="teamRole" value="none" />
                          <button
                            type="submit"
                            aria-label={`Remove ${u.name} from ${t.name}`}
                            title={`Remove from ${t.name}`}
                            className="ml-0.5 inline-flex h-6 w-6 items-center justify-center rounded-full text-muted-foreground hover:bg-card hover:text-foreground"
                          >
                            <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="1.6">
                              <path d="M3 3l6 6M9 3l-6 6" />
                            </svg>
                          </button>
                        </ActionForm>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mb-2 text-xs text-muted-foreground">No team</p>
                )}
                {others.length ? (
                  <ActionForm action={setMembershipAction} label={`Add ${u.name} to a team`} className="gap-1.5">
                    <input type="hidden" name="userId" value={u.id} />
                    <Select name="teamId" defaultValue="" aria-label={`Team to add ${u.name} to`} className="h-8 w-40 text-xs">
                      <option value="">Add to team…</option>
                      {others.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </Select>
                    <Select name="teamRole" defaultValue="member" aria-label={`Role in that team for ${u.name}`} className="h-8 w-32 text-xs">
                      <option value="member">as member</option>
                      <option value="lead">as lead</option>
                    </Select>
                    <Button type="submit" size="sm" variant="secondary">
                      Add
                    </Button>
                  </ActionForm>
                ) : null}
              </Td>
              <Td className={`${CELL} absolute right-0 top-2 md:static md:text-right`}>
                {u.id === selfId ? <span className="text-xs text-muted-foreground">You</span> : <UserActionsMenu user={{ id: u.id, name: u.name, active: u.active }} />}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
