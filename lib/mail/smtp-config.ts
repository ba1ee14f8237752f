/**
 * Checks UPLIFT_SMTP_URL and UPLIFT_MAIL_FROM when the server starts (and on /admin), so a typo is one clear
 * sentence then rather than a failed send hours later. Never repeats the password. Pure.
 */
const FROM_RE = /^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/;

/** The URL with its password replaced, for messages. */
export function redactedSmtpUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1•••@');
}

/** What is wrong with the mail settings, as one sentence, or null (also null when email is simply off). */
export function smtpConfigProblem(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.UPLIFT_SMTP_URL?.trim();
  if (!raw) return null;
  const shown = redactedSmtpUrl(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `UPLIFT_SMTP_URL is not a valid URL ("${shown}"): expected smtp://user:password@mail.example.com:587 (or smtps://… for port 465); encode special characters of the password with %XX.`;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return `UPLIFT_SMTP_URL must start with smtp:// or smtps:// (it starts with ${url.protocol}//).`;
  if (!url.hostname) return `UPLIFT_SMTP_URL names no mail server ("${shown}"): expected smtp://user:password@mail.example.com:587.`;
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return 'UPLIFT_SMTP_URL has a badly encoded user name or password: write special characters as %XX (e.g. %40 for @).';
  }
  if (url.username && !url.password) return 'UPLIFT_SMTP_URL has a user name but no password (smtp://user:password@host:587).';
  const from = env.UPLIFT_MAIL_FROM?.trim();
  if (!from) return 'UPLIFT_MAIL_FROM must be set with UPLIFT_SMTP_URL, e.g. "Uplift <uplift@example.com>".';
  if (!FROM_RE.test(from)) return `UPLIFT_MAIL_FROM is not an email address ("${from}"): write it as uplift@example.com or "Uplift <uplift@example.com>".`;
  return null;
}
