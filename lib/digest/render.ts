/**
 * The weekly digest as an email (issue 20 §4): a plain-text part and an HTML part built from tables and inline
 * styles (what Outlook, Gmail and Apple Mail all render), with the one-click unsubscribe headers of RFC 8058.
 * Pure.
 */
import type { Digest } from '@/db/queries/alerts/digest';
import { digestSections } from './sections';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const QUIET_WEEK = 'Nothing changed this week: no new outcomes, models, price changes or alerts.';

export function digestSubject(d: Digest): string {
  return `[Uplift] Your week: ${d.from} to ${d.to}`;
}

export function renderDigestEmail(d: Digest, baseUrl: string, unsubscribe: string) {
  const abs = (link: string) => new URL(link, baseUrl).toString();
  const page = abs('/digest');
  const sections = digestSections(d);
  const text = [
    `Uplift weekly digest for ${d.person.name}, ${d.from} to ${d.to}`,
    '',
    ...(sections.length
      ? sections.flatMap((s) => [
          s.title,
          ...s.lines.flatMap((l) => [`- ${l.text}`, ...(l.detail ? [`  ${l.detail}`] : []), ...(l.link ? [`  ${abs(l.link)}`] : [])]),
          '',
        ])
      : [QUIET_WEEK, '']),
    `Read it in Uplift: ${page}`,
    `Stop this weekly digest: ${unsubscribe}`,
    '',
  ].join('\n');

  const cell = 'font-family:Arial,Helvetica,sans-serif;color:#1f2937;font-size:14px;line-height:20px';
  const htmlSections = sections.length
    ? sections
        .map(
          (s) => `<tr><td style="${cell};padding:16px 0 4px"><h2 style="font-size:16px;margin:0">${esc(s.title)}</h2></td></tr>
${s.lines
  .map(
    (l) =>
      `<tr><td style="${cell};padding:4px 0 4px 12px;border-left:3px solid #e5e7eb">${l.link ? `<a href="${esc(abs(l.link))}" style="color:#2563eb">${esc(l.text)}</a>` : esc(l.text)}${
        l.detail ? `<br><span style="color:#4b5563">${esc(l.detail)}</span>` : ''
      }</td></tr>`,
  )
  .join('\n')}`,
        )
        .join('\n')
    : `<tr><td style="${cell};padding:16px 0">${esc(QUIET_WEEK)}</td></tr>`;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(digestSubject(d))}</title></head>
<body style="margin:0;padding:0;background:#f9fafb">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f9fafb"><tr><td align="center" style="padding:16px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e7eb"><tr><td style="padding:24px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
<tr><td style="${cell};font-size:12px;color:#6b7280">Uplift weekly digest · ${esc(d.from)} to ${esc(d.to)}</td></tr>
<tr><td style="${cell}"><h1 style="font-size:20px;margin:4px 0 8px">Your week, ${esc(d.person.name)}</h1></td></tr>
${htmlSections}
<tr><td style="${cell};padding:24px 0 0"><a href="${esc(page)}" style="color:#2563eb">Read it in Uplift</a></td></tr>
<tr><td style="${cell};font-size:12px;color:#6b7280;padding:16px 0 0">You get this weekly digest because it is on for you in Uplift. <a href="${esc(unsubscribe)}" style="color:#6b7280">Unsubscribe</a></td></tr>
</table></td></tr></table></td></tr></table>
</body></html>`;
  return {
    subject: digestSubject(d),
    text,
    html,
    // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs "List-Unsubscribe=One-Click" to this URL.
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
