import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PreferencesForm } from '@/components/alerts/preferences-form';
import { ActionButton } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';
import { getPreferences, listInbox } from '@/db/queries/alerts/inbox';
import { ALERT_EVENTS, type AlertEvent } from '@/lib/metrics/alert-events';
import { storedAlertText } from '@/lib/metrics/alert-text';
import { dateTimeIn } from '@/lib/metrics/today';
import { requireUser } from '@/lib/auth/guard';
import { markReadAction, savePreferencesAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

export default async function InboxPage() {
  const user = await requireUser();
  const db = await getDb();
  const [items, prefs, { timeZone }] = await Promise.all([listInbox(db, user.id), getPreferences(db, user.id), getOrgCalendar(db)]);
  const unread = items.filter((a) => !a.readAt).length;
  const [t, locale] = await Promise.all([getTranslations('inbox'), getLocale()]);
  const eventLabel = (event: string) => ((ALERT_EVENTS as readonly string[]).includes(event) ? t(`events.${event as AlertEvent}.label`) : event);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link href="/digest" className="text-sm underline">
            {t('digestLink')}
          </Link>
        }
      />
      <Card>
        <CardHeader
          title={unread ? t('unread', { count: String(unread) }) : t('allRead')}
          action={
            unread ? (
              <ActionButton action={markReadAction} label={t('markAllRead')} fields={{ all: 1 }}>
                {t('markAllRead')}
              </ActionButton>
            ) : null
          }
        />
        {items.length ? (
          <ul className="divide-y divide-border" aria-label={t('listLabel')}>
            {items.map((stored) => ({ ...stored, ...storedAlertText(stored, locale) })).map((a) => (
              <li key={a.id} className="flex flex-wrap items-start gap-3 py-3" data-testid="alert-item" data-alert-id={a.id} data-read={a.readAt ? 'yes' : 'no'}>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={a.readAt ? 'neutral' : 'primary'}>{eventLabel(a.event)}</Badge>
                    {a.link ? (
                      <Link href={a.link} className={a.readAt ? 'hover:underline' : 'font-semibold hover:underline'}>
                        {a.title}
                      </Link>
                    ) : (
                      <span className={a.readAt ? '' : 'font-semibold'}>{a.title}</span>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-muted-foreground">{a.body}</p>
                  <p className="mt-1 text-xs text-muted-foreground">{t('createdAt', { time: dateTimeIn(a.createdAt, timeZone), zone: timeZone })}</p>
                </div>
                {a.readAt ? null : (
                  <ActionButton action={markReadAction} label={t('markOneReadLabel', { title: a.title })} fields={{ id: a.id }} variant="ghost">
                    {t('markRead')}
                  </ActionButton>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t('empty')}</p>
        )}
      </Card>
      <Card className="mt-6">
        <CardHeader title={t('preferences.title')} description={t('preferences.description')} />
        <PreferencesForm action={savePreferencesAction} prefs={prefs} />
      </Card>
    </>
  );
}
