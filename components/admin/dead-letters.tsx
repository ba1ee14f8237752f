import { ActionButton } from '@/components/ui/action-form';
import { LabelledCard } from '@/components/ui/card';
import type { ActionState } from '@/lib/action-state';
import { AdminRow } from './admin-row';

type Letter = { id: number; channel: string; recipient: string; subject: string; attempts: number; lastError: string | null; createdAt: Date };

/** Messages that failed every attempt (issue 20 §5), with a resend per message. */
export function DeadLetters({ letters, resend }: { letters: Letter[]; resend: (prev: ActionState, fd: FormData) => Promise<ActionState> }) {
  return (
    <LabelledCard
      name="dead-letters"
      title={`Undelivered messages (${letters.length})`}
      description="Emails and webhook messages that failed every attempt (retried after 1, 5, 30 and 120 minutes). Fix the mail settings or the webhook, then resend."
    >
      {letters.length ? (
        <ul className="divide-y divide-border text-sm" data-testid="dead-letters">
          {letters.map((l) => (
            <AdminRow key={l.id} name={l.subject} after={<span className="text-muted-foreground">→ {l.recipient}</span>} details={[`${l.attempts} attempts · ${l.lastError ?? 'no error recorded'}`]}>
              <ActionButton action={resend} label={`Resend “${l.subject}”`} fields={{ id: l.id }}>
                Resend
              </ActionButton>
            </AdminRow>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">None: every message went out or is still being retried.</p>
      )}
    </LabelledCard>
  );
}
