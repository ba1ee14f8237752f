// The role × action table: alerts, their preferences and the outbox (app/(app)/inbox/actions.ts,
// app/(app)/admin/outbox-actions.ts).
import { resendDeadLetterAction } from '@/app/(app)/admin/outbox-actions';
import { markReadAction, savePreferencesAction } from '@/app/(app)/inbox/actions';
import { getPreferences } from '@/db/queries/alerts/inbox';
import { alerts, outbox } from '@/db/schema';
import { ALERT_EVENTS } from '@/lib/metrics/alert-events';
import { SIGNED_IN } from '../security-harness';
import type { TableEntry } from './entry';

export const ALERTS: TableEntry[] = [
  {
    name: 'alerts: mark an alert read',
    effect: { changes: ['alerts'] },
    allowed: SIGNED_IN,
    action: markReadAction,
    // A fresh unread alert of the caller's own (for anon, an executive's: refused before it is looked at).
    input: async (fx, caller) => {
      const to = fx.users[caller === 'anon' ? 'executive' : caller];
      const [row] = await fx.db.insert(alerts).values({ recipientId: to.id, event: 'stale', key: `t:${fx.uid()}`, title: 'Test alert' }).returning({ id: alerts.id });
      return { id: String(row.id) };
    },
  },
  {
    name: 'alerts: save one’s alert preferences',
    effect: { changes: ['alert_preferences'], audit: 'alerts.preferences' },
    allowed: SIGNED_IN,
    action: savePreferencesAction,
    // Flips the caller's "no check-in" alert, so every call changes something.
    input: async (fx, caller) => {
      const me = fx.users[caller === 'anon' ? 'executive' : caller];
      const stale = (await getPreferences(fx.db, me.id)).find((p) => p.event === 'stale')!;
      const form: Record<string, string> = {};
      for (const e of ALERT_EVENTS) form[`delivery_${e}`] = 'immediate';
      for (const e of ALERT_EVENTS) if (e !== 'stale') form[`enabled_${e}`] = 'on';
      if (!stale.enabled) form.enabled_stale = 'on';
      return form;
    },
  },
  {
    name: 'admin: resend a dead-lettered message',
    effect: { changes: ['outbox'], audit: 'outbox.resend' },
    allowed: ['admin'],
    action: resendDeadLetterAction,
    // A fresh dead message to put back in the queue.
    input: async (fx) => {
      const [row] = await fx.db
        .insert(outbox)
        .values({ key: `t:${fx.uid()}`, recipient: 'x@example.test', subject: 'S', text: 'T', status: 'dead', attempts: 5 })
        .returning({ id: outbox.id });
      return { id: String(row.id) };
    },
  },
];
