import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { Preference } from '@/db/queries/alerts/inbox';
import { ALERT_LABELS } from '@/lib/metrics/alert-events';
import type { ActionState } from '@/lib/action-state';

/** One row per event: on/off, and email now or in the digest (the inbox always gets it). */
export function PreferencesForm({ action, prefs }: { action: (prev: ActionState, fd: FormData) => Promise<ActionState>; prefs: Preference[] }) {
  return (
    <ActionForm action={action} label="Alert preferences" className="block">
      <Table>
        <TableHead columns={['Alert', 'On', 'Email']} />
        <tbody>
          {prefs.map((p) => (
            <tr key={p.event}>
              <Td>
                <span className="font-medium">{ALERT_LABELS[p.event].label}</span>
                <span className="block text-xs text-muted-foreground">{ALERT_LABELS[p.event].meaning}</span>
              </Td>
              <Td>
                <input type="checkbox" name={`enabled_${p.event}`} defaultChecked={p.enabled} aria-label={`${ALERT_LABELS[p.event].label}: on`} className="h-4 w-4" />
              </Td>
              <Td>
                <select name={`delivery_${p.event}`} defaultValue={p.delivery} aria-label={`${ALERT_LABELS[p.event].label}: email`} className="rounded-md border border-border bg-card px-2 py-1">
                  <option value="immediate">Right away</option>
                  <option value="digest">In the weekly digest</option>
                </select>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="mt-3">
        <Button type="submit">Save preferences</Button>
      </div>
    </ActionForm>
  );
}
