import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Weekly digest' };

/** This week's digest for the signed-in person: the same content the weekly email carries (issue 20 §4). */
export default async function DigestPage() {
  const me = await requireUser();
  const db = await getDb();
  const [digest, subscribed] = await Promise.all([buildDigest(db, me.id, (await getOrgCalendar(db)).today), isSubscribed(db, me.id)]);
  const sections = digest ? digestSections(digest) : [];
  return (
    <>
      <PageHeader
        title="Weekly digest"
        description={digest ? `What changed from ${digest.from} to ${digest.to}: new outcomes, models and prices, the alerts that concern you, and where the AI spend goes.` : undefined}
      />
      <Card>
        <CardHeader
          title={subscribed ? 'You get this digest by email every week' : 'You do not get this digest by email'}
          action={
            <ActionForm action={saveDigestSubscriptionAction} label="Weekly digest email">
              <input type="hidden" name="subscribed" value={subscribed ? 'off' : 'on'} />
              <Button type="submit" variant="secondary" size="sm">
                {subscribed ? 'Stop the email' : 'Email it to me weekly'}
              </Button>
            </ActionForm>
          }
        />
        <DigestView sections={sections} />
      </Card>
    </>
  );
}
