/**
 * The small pages of the unsubscribe link (no sign-in, no app shell): a confirmation for GET, the result after
 * POST, and the refusal of a bad link. Plain HTML with inline styles. Pure.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** a•••@example.com: enough to recognise one's address, not to read someone else's. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at > 0 ? `${email[0]}•••${email.slice(at)}` : '•••';
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · Uplift</title></head>
<body style="font-family:system-ui,Arial,sans-serif;color:#1f2937;background:#f9fafb;margin:0;padding:48px 16px">
<main style="max-width:480px;margin:0 auto;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 12px">${esc(title)}</h1>
${body}
</main></body></html>`;
}

export function confirmPage(email: string, token: string, action: string): string {
  return page(
    'Stop the weekly digest?',
    `<p>Uplift will stop emailing its weekly digest to ${esc(maskEmail(email))}. Your alerts and their emails stay as they are.</p>
<form method="post" action="${esc(action)}">
<input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="background:#2563eb;color:#fff;border:0;border-radius:6px;padding:8px 16px;font-size:14px;cursor:pointer">Unsubscribe</button>
</form>`,
  );
}

export function donePage(email: string, changed: boolean): string {
  return page(
    changed ? 'Unsubscribed' : 'Already unsubscribed',
    `<p>${esc(maskEmail(email))} no longer gets the weekly digest. To get it again, sign in and open the Weekly digest page.</p>`,
  );
}

export function refusedPage(reason: 'invalid' | 'expired'): string {
  return page(
    reason === 'expired' ? 'This link has expired' : 'This link is not valid',
    `<p>${
      reason === 'expired' ? 'Unsubscribe links work for 60 days.' : 'The link was changed or cut short.'
    } Sign in to Uplift and turn the weekly digest off on the Weekly digest page, or use the link of a more recent digest.</p>`,
  );
}
