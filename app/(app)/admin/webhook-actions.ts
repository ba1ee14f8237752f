'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { auditWebhookTest, createWebhook, deleteWebhook, getWebhook, setWebhookEnabled, updateWebhook, WEBHOOK_GONE } from '@/db/queries/alerts/webhooks';
import { answer, formValues, refused, withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { publicUrl } from '@/lib/auth/secret';
import { requirePermission } from '@/lib/auth/guard';
import { openSecret, sealSecret } from '@/lib/security/secrets';
import { webhookEditSchema, webhookEnabledSchema, webhookIdSchema, webhookSchema } from '@/lib/validation/webhooks';
import { testAlert, webhookBody, type WebhookFormat } from '@/lib/webhooks/payload';
import { webhookPoster } from '@/lib/webhooks/post';
import { newWebhookSecret, WEBHOOK_SECRET_PURPOSE } from '@/lib/webhooks/sign';
import { targetProblem } from '@/lib/webhooks/target';

/**
 * Admins add outgoing webhooks (issue 20 §3). The URL is checked (https, and no link-local or cloud-metadata
 * address, also after DNS resolution) before anything is stored; the signing secret is generated here, stored
 * sealed and shown once.
 */
export async function createWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: webhookSchema, invalid: refused }, async (data) => {
    const problem = await targetProblem(data.url);
    if (problem) return { fieldErrors: { url: [problem] }, values: formValues(formData) };
    const secret = newWebhookSecret();
    const db = await getDb();
    const result = await db.transaction((tx) => createWebhook(tx, actorOf(admin), { ...data, secretSealed: sealSecret(secret, WEBHOOK_SECRET_PURPOSE) }));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/admin');
    return { ok: true, message: `Webhook “${result.webhook.name}” added. Its signing secret, shown only now: ${secret}` };
  });
}

/** Edits a webhook's name, format, events and, when one is typed, its URL (checked like a new one); the secret stays. */
export async function updateWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: webhookEditSchema, invalid: refused }, async ({ id, ...edit }) => {
    const problem = edit.url ? await targetProblem(edit.url) : null;
    if (problem) return { fieldErrors: { url: [problem] }, values: formValues(formData) };
    const db = await getDb();
    const result = await db.transaction((tx) => updateWebhook(tx, actorOf(admin), id, edit));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/admin');
    return { ok: true, message: result.changed ? `Webhook “${edit.name}” saved.` : 'Nothing to save: it already was so.' };
  });
}

/** Turns a webhook off (no new alerts; queued ones wait) or on again. */
export async function setWebhookEnabledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: webhookEnabledSchema, invalid: answer('Invalid request.') }, async ({ id, enabled }) => {
    const db = await getDb();
    const result = await db.transaction((tx) => setWebhookEnabled(tx, actorOf(admin), id, enabled === 'on'));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/admin');
    return { ok: true, message: enabled === 'on' ? 'Webhook turned on.' : 'Webhook turned off: it gets no new alerts until you turn it on.' };
  });
}

/** Deletes a webhook (the page asks for a confirmation first); its messages still queued go with it. */
export async function deleteWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: webhookIdSchema, invalid: answer('Invalid request.') }, async ({ id }) => {
    const db = await getDb();
    const result = await db.transaction((tx) => deleteWebhook(tx, actorOf(admin), id));
    revalidatePath('/admin');
    return result.ok ? { ok: true, message: 'Webhook deleted.' } : writeRefused(result);
  });
}

/**
 * Sends a test message now and says what the receiver answered (the only webhook request made while someone
 * waits: an admin asked for it; it gives up after 10 seconds). The attempt and its result are audited.
 */
export async function testWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: webhookIdSchema, invalid: answer('Invalid request.') }, async ({ id }) => {
    const db = await getDb();
    const hook = await getWebhook(db, id);
    if (!hook) return { error: WEBHOOK_GONE };
    let result: string;
    let ok = false;
    try {
      const body = webhookBody(hook.format as WebhookFormat, testAlert(new Date()), process.env.BETTER_AUTH_URL ?? publicUrl());
      const res = await webhookPoster()({ url: hook.url, body, secret: openSecret(hook.secretSealed, WEBHOOK_SECRET_PURPOSE), event: 'test', deliveryId: 'test' });
      result = `Delivered: the receiver answered HTTP ${res.status}.`;
      ok = true;
    } catch (err) {
      result = `Not delivered: ${err instanceof Error ? err.message : String(err)}`;
    }
    await auditWebhookTest(db, actorOf(admin), hook, result);
    return ok ? { ok: true, message: result } : { error: result };
  });
}
