/** Plain sentences for the error codes single sign-on sends back to /login (?error=…). */
const MESSAGES: Record<string, string> = {
  domain_not_allowed: 'Your organisation or email domain is not allowed to sign in here.',
  issuer_not_allowed: 'That identity provider is not the one this Uplift trusts.',
  account_deactivated: 'Your account is deactivated. Ask an admin.',
  account_not_linked: 'An account with your email exists, but your provider did not confirm the email, so it was not linked. Ask an admin.',
  email_not_verified: 'An account with your email exists, but your provider did not confirm the email, so it was not linked. Ask an admin.',
  sso_unavailable: 'Single sign-on is not available right now. Try again, or ask an admin.',
  access_denied: 'Sign-in was cancelled at your identity provider.',
};

export function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Single sign-on did not complete. Try again, or ask an admin.';
}

export const PASSWORDS_OFF = 'Passwords are turned off: sign in with single sign-on.';
