import type { Metadata } from 'next';
import Link from 'next/link';
import { PreferencesForm } from '@/components/alerts/preferences-form';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getPreferences, listInbox } from '@/db/queries/alerts/inbox';
import { ALERT_LABELS, type AlertEvent } from '@/lib/metrics/alert-events';
import { requireUser } from '@/lib/auth/guard';
import { markReadAction, savePreferencesAction } from './actions';

export const metadata: Metadata = { title: 'Alerts' };

export default async function InboxPage() {
  const user = await requireUser();
  const db = await getDb();
  const [items, prefs] = await Promise.all([listInbox(db, user.id), getPreferences(db, user.id)]);
  const unread = items.filter((a) => !a.readAt).length;
  return (
    <>
      <PageHeader
        title="Alerts"
        description="What changed for your experiments and teams. The inbox always gets every alert you keep on."
        actions={
          <Link href="/digest" className="text-sm underline">
            This week’s digest
          </Link>
        }
      />
      <Card>
        <CardHeader
          title={unread ? `${unread} unread` : 'All read'}
          action={
            unread ? (
              <ActionForm action={markReadAction} label="Mark all as read">
                <input type="hidden" name="all" value="1" />
                <Button type="submit" variant="secondary" size="sm">
                  Mark all as read
                </Button>
              </ActionForm>
            ) : null
          }
        />
        {items.length ? (
          <ul className="divide-y divide-border" aria-label="Alerts">
            {items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start gap-3 py-3" data-testid="alert-item" data-alert-id={a.id} data-read={a.readAt ? 'yes' : 'no'}>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={a.readAt ? 'neutral' : 'primary'}>{ALERT_LABELS[a.event as AlertEvent]?.label ?? a.event}</Badge>
                    {a.link ? (
                      <Link href={a.link} className={a.readAt ? 'hover:underline' : 'font-semibold hover:underline'}>
                        {a.title}
                      </Link>
                    ) : (
                      <span className={a.readAt ? '' : 'font-semibold'}>{a.title}</span>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-muted-foreground">{a.body}</p>
                  <p className="mt-1 text-xs text-muted-foreground">{a.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>
                </div>
                {a.readAt ? null : (
                  <ActionForm action={markReadAction} label={`Mark “${a.title}” as read`}>
                    <input type="hidden" name="id" value={a.id} />
                    <Button type="submit" variant="ghost" size="sm">
                      Mark as read
                    </Button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No alerts yet.</p>
        )}
      </Card>
      <Card className="mt-6">
        <CardHeader title="What you are alerted about" description="Turn each alert on or off, and choose email right away or in the weekly digest." />
        <PreferencesForm action={savePreferencesAction} prefs={prefs} />
      </Card>
    </>
  );
}
