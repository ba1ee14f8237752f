import type { RoleDecision } from './claims';

/**
 * Decisions made from verified claims while better-auth handles a provider callback, kept until the
 * session of that same sign-in is created a few steps later (better-auth's hooks do not share one
 * context object). Keyed by the provider's email, short-lived, taken once.
 */
const pending = new Map<string, { decision: RoleDecision | null; until: number }>();
const TTL_MS = 60_000;

export function rememberDecision(email: string, decision: RoleDecision | null): void {
  const now = Date.now();
  for (const [k, v] of pending) if (v.until < now) pending.delete(k);
  pending.set(email.toLowerCase(), { decision, until: now + TTL_MS });
}

/** The decision for this email without taking it (user creation reads it, the session takes it). */
export function peekDecision(email: string): RoleDecision | null | undefined {
  const entry = pending.get(email.toLowerCase());
  return entry && entry.until >= Date.now() ? entry.decision : undefined;
}

export function takeDecision(email: string): RoleDecision | null | undefined {
  const found = peekDecision(email);
  pending.delete(email.toLowerCase());
  return found;
}
