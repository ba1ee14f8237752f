import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-form';
import { LabelledCard } from '@/components/ui/card';
import type { ActionState } from '@/lib/action-state';
import { AdminRow } from './admin-row';

type Letter = { id: number; channel: string; recipient: string; subject: string; attempts: number; lastError: string | null; createdAt: Date };

/** Messages that failed every attempt (issue 20 §5), with a resend per message. */
export async function DeadLetters({ letters, resend }: { letters: Letter[]; resend: (prev: ActionState, fd: FormData) => Promise<ActionState> }) {
  const t = await getTranslations('admin.deadLetters');
  return (
    <LabelledCard name="dead-letters" title={t('title', { count: letters.length })} description={t('description')}>
      {letters.length ? (
        <ul className="divide-y divide-border text-sm" data-testid="dead-letters">
          {letters.map((l) => (
            <AdminRow key={l.id} name={l.subject} after={<span className="text-muted-foreground">→ {l.recipient}</span>} details={[t('details', { attempts: l.attempts, error: l.lastError ?? t('noError') })]}>
              <ActionButton action={resend} label={t('resendLabel', { subject: l.subject })} fields={{ id: l.id }}>
                {t('resend')}
              </ActionButton>
            </AdminRow>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      )}
    </LabelledCard>
  );
}
