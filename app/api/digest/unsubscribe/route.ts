// The weekly digest's unsubscribe link (issue 20 §4, RFC 8058). No session: the signed token names the person and
// does only this. GET shows a confirmation (mail scanners follow links; a GET never unsubscribes); POST, from that
// page or a mail client's one-click button (body "List-Unsubscribe=One-Click"), turns the digest off.
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { digestPerson } from '@/db/queries/alerts/digest';
import { setSubscribed } from '@/db/queries/alerts/digest-subscriptions';
import { authSecret } from '@/lib/auth/secret';
import { cleanText } from '@/lib/security/clean-text';
import { readUnsubscribeToken, UNSUBSCRIBE_PATH } from '@/lib/digest/token';
import { confirmPage, donePage, refusedPage } from '@/lib/digest/unsubscribe-page';

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });

/** The token as every form field is read: control characters removed (lib/security/clean-text.ts). */
const tokenOf = (raw: string | null) => (raw == null ? null : cleanText(raw));

async function personOf(token: string | null) {
  const verdict = readUnsubscribeToken(token, authSecret());
  if (!verdict.ok) return { refused: verdict.reason } as const;
  const person = await digestPerson(await getDb(), verdict.userId);
  return person ? ({ person } as const) : ({ refused: 'invalid' } as const);
}

export async function GET(request: Request) {
  const token = tokenOf(new URL(request.url).searchParams.get('token'));
  const found = await personOf(token);
  if ('refused' in found) return html(refusedPage(found.refused!), 400);
  return html(confirmPage(found.person.email, token!, `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token!)}`));
}

export async function POST(request: Request) {
  let token = tokenOf(new URL(request.url).searchParams.get('token'));
  if (!token) {
    const form = await request.formData().catch(() => null);
    const t = form?.get('token');
    token = typeof t === 'string' ? tokenOf(t) : null;
  }
  const found = await personOf(token);
  if ('refused' in found) return html(refusedPage(found.refused!), 400);
  const db = await getDb();
  const result = await db.transaction((tx) => setSubscribed(tx, actorOf(found.person), false, 'email-link'));
  return html(donePage(found.person.email, result.ok));
}
