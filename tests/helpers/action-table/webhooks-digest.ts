// The role × action table: webhooks (app/(app)/admin/webhook-actions.ts), the weekly digest's on/off
// (app/(app)/digest/actions.ts) and its unsubscribe link (app/api/digest/unsubscribe/route.ts).
import { createWebhookAction, deleteWebhookAction, setWebhookEnabledAction, testWebhookAction, updateWebhookAction } from '@/app/(app)/admin/webhook-actions';
import { saveDigestSubscriptionAction } from '@/app/(app)/digest/actions';
import * as unsubscribeRoute from '@/app/api/digest/unsubscribe/route';
import { isSubscribed } from '@/db/queries/alerts/digest-subscriptions';
import { digestSubscriptions, webhooks } from '@/db/schema';
import { authSecret } from '@/lib/auth/secret';
import { unsubscribeToken } from '@/lib/digest/token';
import { sealSecret } from '@/lib/security/secrets';
import { WEBHOOK_SECRET_PURPOSE } from '@/lib/webhooks/sign';
import { READ_ONLY } from '../action-effects';
import { SIGNED_IN, type Fixtures } from '../security-harness';
import { sharedWebhookReceiver } from '../webhook-receiver';
import { ADMIN, EVERYONE, type Handler, type TableEntry } from './entry';

/** A webhook to the shared loopback receiver, inserted directly. */
async function freshWebhook(fx: Fixtures): Promise<number> {
  const receiver = await sharedWebhookReceiver();
  const [row] = await fx.db
    .insert(webhooks)
    .values({ name: `hook ${fx.uid()}`, format: 'json', url: receiver.url(), events: ['stale'], secretSealed: sealSecret('whsec_test', WEBHOOK_SECRET_PURPOSE) })
    .returning({ id: webhooks.id });
  return row.id;
}

/** A fresh person who gets the digest, and the token of their unsubscribe link. */
async function subscribedToken(fx: Fixtures): Promise<string> {
  const person = await fx.newUser('lead');
  await fx.db.insert(digestSubscriptions).values({ userId: person.id, subscribed: true });
  return unsubscribeToken(person.id, authSecret());
}

export const WEBHOOKS_DIGEST: TableEntry[] = [
  {
    name: 'admin: add a webhook',
    effect: { changes: ['webhooks'], audit: 'webhook.create' },
    allowed: ADMIN,
    action: createWebhookAction,
    input: async (fx) => ({ name: `Slack ${fx.uid()}`, format: 'slack', url: (await sharedWebhookReceiver()).url(), event_privacy: 'on', event_retest: 'on' }),
  },
  {
    name: 'admin: delete a webhook',
    effect: { changes: ['webhooks'], audit: 'webhook.delete' },
    allowed: ADMIN,
    action: deleteWebhookAction,
    input: async (fx) => ({ id: String(await freshWebhook(fx)) }),
  },
  {
    name: 'admin: edit a webhook (name, format, events, a new URL)',
    effect: { changes: ['webhooks'], audit: 'webhook.update' },
    allowed: ADMIN,
    action: updateWebhookAction,
    input: async (fx) => ({ id: String(await freshWebhook(fx)), name: `Teams ${fx.uid()}`, format: 'teams', url: (await sharedWebhookReceiver()).url('/edited'), event_privacy: 'on' }),
  },
  {
    name: 'admin: turn a webhook off',
    effect: { changes: ['webhooks'], audit: 'webhook.disable' },
    allowed: ADMIN,
    action: setWebhookEnabledAction,
    input: async (fx) => ({ id: String(await freshWebhook(fx)), enabled: 'off' }),
  },
  {
    name: 'admin: send a test to a webhook',
    effect: { changes: ['audit_log'], audit: 'webhook.test' },
    allowed: ADMIN,
    action: testWebhookAction,
    input: async (fx) => ({ id: String(await freshWebhook(fx)) }),
  },
  {
    name: 'digest: turn one’s weekly digest on or off',
    effect: { changes: ['digest_subscriptions'], audit: 'digest.subscription' },
    allowed: SIGNED_IN,
    action: saveDigestSubscriptionAction,
    // Flips the caller's current choice, so every call changes something.
    input: async (fx, caller) => {
      const me = fx.users[caller === 'anon' ? 'executive' : caller];
      return { subscribed: (await isSubscribed(fx.db, me.id)) ? 'off' : 'on' };
    },
  },
  {
    // The link in the email works without signing in; the signed token decides whose digest stops.
    name: 'route: GET /api/digest/unsubscribe (confirmation page)',
    effect: READ_ONLY,
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/digest/unsubscribe', handler: unsubscribeRoute.GET as Handler },
    input: async (fx) => ({ token: await subscribedToken(fx) }),
  },
  {
    name: 'route: POST /api/digest/unsubscribe (one click, RFC 8058)',
    effect: { changes: ['digest_subscriptions'], audit: 'digest.unsubscribe' },
    allowed: EVERYONE,
    route: { method: 'POST', path: '/api/digest/unsubscribe', handler: unsubscribeRoute.POST as Handler },
    input: async (fx) => ({ token: await subscribedToken(fx), 'List-Unsubscribe': 'One-Click' }),
  },
];
