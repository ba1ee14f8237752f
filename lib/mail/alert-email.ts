import { translatorFor } from '@/i18n/translator';
import { ALERT_LABELS, type AlertEvent } from '@/lib/metrics/alert-events';
import { storedAlertText } from '@/lib/metrics/alert-text';
import { mailLocale } from './mail-locale';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * `locale`: the recipient's language (user.locale; null: English). The title and body are rendered in it from the
 * alert's message and params; an alert without them (raised before 0027) is sent as stored.
 */
export type AlertMail = {
  id: number;
  email: string;
  name: string;
  locale?: string | null;
  event: string;
  title: string;
  body: string;
  message?: string | null;
  params?: unknown;
  link: string;
};

/** One alert as an email: a plain-text part and a simple HTML part (inline styles only, for mail clients). */
export function renderAlertEmail(a: AlertMail, baseUrl: string) {
  const url = new URL(a.link || '/inbox', baseUrl).toString();
  const inbox = new URL('/inbox', baseUrl).toString();
  const locale = mailLocale(a.locale);
  const t = translatorFor(locale, 'email');
  const { title, body } = storedAlertText(a, locale);
  const label = a.event in ALERT_LABELS ? t(`alert.events.${a.event as AlertEvent}`) : t('alert.fallback');
  const text = `${label}: ${title}\n\n${body}\n\n${t('alert.open', { url })}\n\n${t('alert.preferences', { url: inbox })}\n`;
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1f2937;max-width:600px">
<p style="font-size:12px;color:#6b7280;margin:0">${esc(label)}</p>
<h1 style="font-size:18px;margin:4px 0 12px">${esc(title)}</h1>
<p>${esc(body)}</p>
<p><a href="${esc(url)}" style="color:#2563eb">${esc(t('alert.openInUplift'))}</a></p>
<p style="font-size:12px;color:#6b7280">${esc(t('alert.chooseAlerts'))} <a href="${esc(inbox)}">${esc(inbox)}</a></p>
</body></html>`;
  return { key: `email:alert:${a.id}`, recipient: a.email, subject: t('alert.subject', { title }), text, html };
}
