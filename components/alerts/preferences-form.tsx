import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { Preference } from '@/db/queries/alerts/inbox';
import type { ActionState } from '@/lib/action-state';

/** One row per event: on/off, and email now or in the digest (the inbox always gets it). */
export function PreferencesForm({ action, prefs }: { action: (prev: ActionState, fd: FormData) => Promise<ActionState>; prefs: Preference[] }) {
  const t = useTranslations('inbox');
  return (
    <ActionForm action={action} label={t('preferences.formLabel')} className="block">
      <Table>
        <TableHead columns={[t('preferences.columnAlert'), t('preferences.columnOn'), t('preferences.columnEmail')]} />
        <tbody>
          {prefs.map((p) => (
            <tr key={p.event}>
              <Td>
                <span className="font-medium">{t(`events.${p.event}.label`)}</span>
                <span className="block text-xs text-muted-foreground">{t(`events.${p.event}.meaning`)}</span>
              </Td>
              <Td>
                <input type="checkbox" name={`enabled_${p.event}`} defaultChecked={p.enabled} aria-label={t('preferences.onLabel', { alert: t(`events.${p.event}.label`) })} className="h-4 w-4" />
              </Td>
              <Td>
                <select name={`delivery_${p.event}`} defaultValue={p.delivery} aria-label={t('preferences.emailLabel', { alert: t(`events.${p.event}.label`) })} className="rounded-md border border-border bg-card px-2 py-1">
                  <option value="immediate">{t('preferences.immediate')}</option>
                  <option value="digest">{t('preferences.digest')}</option>
                </select>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="mt-3">
        <Button type="submit">{t('preferences.save')}</Button>
      </div>
    </ActionForm>
  );
}
