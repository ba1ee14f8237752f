import { getTranslations } from 'next-intl/server';
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
const ROLES = Object.keys(ROLE_LABEL) as (keyof typeof ROLE_LABEL)[];

export async function UsersTable({ users, teams, selfId }: { users: UserListRow[]; teams: { id: number; name: string }[]; selfId: string }) {
  const t = await getTranslations('admin.users');
  const tl = await getTranslations('labels');
  const tc = await getTranslations('common');
  return (
    <Table>
      {/* On a phone each user is a block (no sideways scrolling); from md up, a table row. */}
      <thead className="hidden md:table-header-group">
        <tr>
          <Th>{t('user')}</Th>
          <Th>{t('role')}</Th>
          <Th>{t('teams')}</Th>
          <ThActions label={t('actions')} />
        </tr>
      </thead>
      <tbody>
        {users.map((u) => {
          const others = teams.filter((team) => !u.teams.some((m) => m.id === team.id));
          const leadsNone = u.role === 'lead' && !u.teams.some((m) => m.teamRole === 'lead');
          return (
            <tr key={u.id} data-testid={`user-row-${u.email}`} className="relative block border-b border-border py-2 md:table-row md:py-0">
              <Td className={CELL}>
                <span className="font-medium">{u.name}</span>
                <span className="block break-all text-xs text-muted-foreground">{u.email}</span>
                {!u.active ? <Badge tone="danger">{t('deactivated')}</Badge> : null}
              </Td>
              <Td className={CELL}>
                <ActionForm action={setRoleAction} label={t('roleOf', { name: u.name })} className="flex-nowrap">
                  <input type="hidden" name="userId" value={u.id} />
                  <Select name="role" defaultValue={u.role} aria-label={t('roleOf', { name: u.name })} className="w-32">
                    {ROLES.map((value) => (
                      <option key={value} value={value}>
                        {tl(`role.${value}`)}
                      </option>
                    ))}
                  </Select>
                  <Button type="submit" size="sm" variant="secondary">
                    {tc('save')}
                  </Button>
                </ActionForm>
                {leadsNone ? <p className="mt-1 text-xs text-muted-foreground">{t('leadsNoTeam')}</p> : null}
              </Td>
              <Td className={CELL}>
                {u.teams.length ? (
                  <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={t('teamsOf', { name: u.name })}>
                    {u.teams.map((m) => (
                      <li
                        key={m.id}
                        className={
                          m.teamRole === 'lead'
                            ? 'inline-flex items-center rounded-full border border-primary/50 bg-primary/10 text-xs'
                            : 'inline-flex items-center rounded-full border border-border bg-muted text-xs'
                        }
                      >
                        <span className="py-0.5 pl-2.5">
                          <span className="font-medium">{m.name}</span>
                          <span className="text-muted-foreground">{m.teamRole === 'lead' ? t('asLeadChip') : t('asMemberChip')}</span>
                        </span>
                        <ActionForm action={setMembershipAction} label={t('removeFrom', { name: u.name, team: m.name })} className="flex-nowrap gap-1">
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="teamId" value={m.id} />
                          <input type="hidden" name="teamRole" value="none" />
                          <button
                            type="submit"
                            aria-label={t('removeFrom', { name: u.name, team: m.name })}
                            title={t('removeFromTitle', { team: m.name })}
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
                  <p className="mb-2 text-xs text-muted-foreground">{t('noTeam')}</p>
                )}
                {others.length ? (
                  <ActionForm action={setMembershipAction} label={t('addToTeam', { name: u.name })} className="gap-1.5">
                    <input type="hidden" name="userId" value={u.id} />
                    <Select name="teamId" defaultValue="" aria-label={t('teamToAdd', { name: u.name })} className="h-8 w-40 text-xs">
                      <option value="">{t('addToTeamChoice')}</option>
                      {others.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </Select>
                    <Select name="teamRole" defaultValue="member" aria-label={t('roleInTeam', { name: u.name })} className="h-8 w-32 text-xs">
                      <option value="member">{t('asMember')}</option>
                      <option value="lead">{t('asLead')}</option>
                    </Select>
                    <Button type="submit" size="sm" variant="secondary">
                      {t('add')}
                    </Button>
                  </ActionForm>
                ) : null}
              </Td>
              <Td className={`${CELL} absolute right-0 top-2 md:static md:text-right`}>
                {u.id === selfId ? <span className="text-xs text-muted-foreground">{t('you')}</span>
 : <UserActionsMenu user={{ id: u.id, name: u.name, active: u.active }} />}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
