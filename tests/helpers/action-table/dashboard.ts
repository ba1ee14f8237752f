// The role × action table: the dashboard's "Show all" rows (app/(app)/dashboard/table-actions.ts).
import { allBilledRows, allTeamTableRows, allUsageTeamRows } from '@/app/(app)/dashboard/table-actions';
import type { RowsOrError } from '@/components/ui/row-preview';
import type { ActionState } from '@/lib/action-state';
import { READ_ONLY } from '../action-effects';
import { SIGNED_IN } from '../security-harness';
import type { TableEntry } from './entry';

/** A rows action as the table calls it: the form's `search`, and its rows counted or its sentence as the error. */
function rowsAction<T>(serverAction: (search: string) => Promise<RowsOrError<T>>) {
  return {
    serverAction,
    action: async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
      const got = await serverAction(String(formData.get('search') ?? ''));
      return 'error' in got ? { error: got.error } : { ok: true, message: `${got.rows.length} rows` };
    },
  };
}

const entry = (name: string, serverAction: (search: string) => Promise<RowsOrError<unknown>>): TableEntry => ({
  name: `dashboard: ${name}`,
  effect: READ_ONLY,
  allowed: SIGNED_IN,
  ...rowsAction(serverAction),
  input: () => ({ search: 'period=12m' }),
});

export const DASHBOARD: TableEntry[] = [
  entry('every row of the team table', allTeamTableRows),
  entry('every row of usage by team', allUsageTeamRows),
  entry('every row of billed versus reported', allBilledRows),
];
