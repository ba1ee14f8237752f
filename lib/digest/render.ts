/**
 * The weekly digest as an email (issue 20 §4): a plain-text part and an HTML part built from tables and inline
 * styles (what Outlook, Gmail and Apple Mail all render), with the one-click unsubscribe headers of RFC 8058.
 * Written in the recipient's language (user.locale; none set: English, as no browser is there to ask). Pure.
 */
import type { Digest } from '@/db/queries/alerts/digest';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { mailLocale } from '@/lib/mail/mail-locale';
import { digestSections } from './sections';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function digestSubject(d: Digest, locale: Locale = mailLocale(d.person.locale)): string {
  return translatorFor(locale, 'email')('digest.subject', { from: d.from, to: d.to });
}

export function renderDigestEmail(d: Digest, baseUrl: string, unsubscribe: string) {
  const locale = mailLocale(d.person.locale);
  const t = translatorFor(locale, 'email');
  const quietWeek = t('digest.quietWeek');
  const abs = (link: string) => new URL(link, baseUrl).toString();
  const page = abs('/digest');
  const sections = digestSections(d, locale);
  const text = [
    t('digest.textHeading', { name: d.person.name, from: d.from, to: d.to }),
    '',
    ...(sections.length
      ? sections.flatMap((s) => [
          s.title,
          ...s.lines.flatMap((l) => [`- ${l.text}`, ...(l.detail ? [`  ${l.detail}`] : []), ...(l.link ? [`  ${abs(l.link)}`] : [])]),
          '',
        ])
      : [quietWeek, '']),
    t('digest.readItAt', { url: page }),
    t('digest.stopAt', { url: unsubscribe }),
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
    : `<tr><td style="${cell};padding:16px 0">${esc(quietWeek)}</td></tr>`;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(digestSubject(d, locale))}</title></head>
<body style="margin:0;padding:0;background:#f9fafb">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f9fafb"><tr><td align="center" style="padding:16px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e7eb"><tr><td style="padding:24px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
<tr><td style="${cell};font-size:12px;color:#6b7280">${esc(t('digest.kicker', { from: d.from, to: d.to }))}</td></tr>
<tr><td style="${cell}"><h1 style="font-size:20px;margin:4px 0 8px">${esc(t('digest.heading', { name: d.person.name }))}</h1></td></tr>
${htmlSections}
<tr><td style="${cell};padding:24px 0 0"><a href="${esc(page)}" style="color:#2563eb">${esc(t('digest.readIt'))}</a></td></tr>
<tr><td style="${cell};font-size:12px;color:#6b7280;padding:16px 0 0">${esc(t('digest.why'))} <a href="${esc(unsubscribe)}" style="color:#6b7280">${esc(t('digest.unsubscribe'))}</a></td></tr>
</table></td></tr></table></td></tr></table>
</body></html>`;
  return {
    subject: digestSubject(d, locale),
    text,
    html,
    // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs "List-Unsubscribe=One-Click" to this URL.
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
