import { ALERT_LABELS, type AlertEvent } from '@/lib/metrics/alert-events';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type AlertMail = { id: number; email: string; name: string; event: string; title: string; body: string; link: string };

/** One alert as an email: a plain-text part and a simple HTML part (inline styles only, for mail clients). */
export function renderAlertEmail(a: AlertMail, baseUrl: string) {
  const url = new URL(a.link || '/inbox', baseUrl).toString();
  const inbox = new URL('/inbox', baseUrl).toString();
  const label = ALERT_LABELS[a.event as AlertEvent]?.label ?? 'Alert';
  const text = `${label}: ${a.title}\n\n${a.body}\n\nOpen: ${url}\n\nYour alerts and preferences: ${inbox}\n`;
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1f2937;max-width:600px">
<p style="font-size:12px;color:#6b7280;margin:0">${esc(label)}</p>
<h1 style="font-size:18px;margin:4px 0 12px">${esc(a.title)}</h1>
<p>${esc(a.body)}</p>
<p><a href="${esc(url)}" style="color:#2563eb">Open in Uplift</a></p>
<p style="font-size:12px;color:#6b7280">Choose what you are alerted about: <a href="${esc(inbox)}">${esc(inbox)}</a></p>
</body></html>`;
  return { key: `email:alert:${a.id}`, recipient: a.email, subject: `[Uplift] ${a.title}`, text, html };
}
