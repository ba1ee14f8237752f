import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DigestView } from '@/components/digest/digest-view';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { buildDigest } from '@/db/queries/alerts/digest';
import { isSubscribed } from '@/db/queries/alerts/digest-subscriptions';
import { requireUser } from '@/lib/auth/guard';
import { digestSections } from '@/lib/digest/sections';
import { saveDigestSubscriptionAction } from './actions';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('digest');
  return { title: t('title') };
}

/** This week's digest for the signed-in person: the same content the weekly email carries (issue 20 §4). */
export default async function DigestPage() {
  const me = await requireUser();
  const db = await getDb();
  const [digest, subscribed] = await Promise.all([buildDigest(db, me.id, (await getOrgCalendar(db)).today), isSubscribed(db, me.id)]);
  // The page's language, which may differ from the mail's (the mail follows the person's stored choice only).
  const sections = digest ? digestSections(digest, await getLocale()) : [];
  const t = await getTranslations('digest');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={digest ? t('description', { from: digest.from, to: digest.to }) : undefined}
      />
      <Card>
        <CardHeader
          title={subscribed ? t('subscribed') : t('notSubscribed')}
          action={
            <ActionForm action={saveDigestSubscriptionAction} label={t('formLabel')}>
              <input type="hidden" name="subscribed" value={subscribed ? 'off' : 'on'} />
              <Button type="submit" variant="secondary" size="sm">
                {subscribed ? t('stop') : t('start')}
              </Button>
            </ActionForm>
          }
        />
        <DigestView sections={sections} />
      </Card>
    </>
  );
}
