import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { LabelledCard } from '@/components/ui/card';
import type { ActionState } from '@/lib/action-state';
import { ALERT_EVENTS, type AlertEvent } from '@/lib/metrics/alert-events';
import { WEBHOOK_FORMATS, type WebhookFormat } from '@/lib/webhooks/payload';
import { AdminRow } from './admin-row';
import { WebhookForm } from './webhook-form';

type Hook = { id: number; name: string; format: string; target: string; events: string[]; enabled: boolean; createdAt: Date };
type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

const isFormat = (f: string): f is WebhookFormat => (WEBHOOK_FORMATS as readonly string[]).includes(f);
const isEvent = (e: string): e is AlertEvent => (ALERT_EVENTS as readonly string[]).includes(e);

/**
 * The outgoing webhooks (issue 20 §3): each with a test button, an edit form, off/on, and a delete behind a
 * confirmation; the form to add one.
 */
export async function WebhooksCard({ hooks, sendTest, remove, setEnabled }: { hooks: Hook[]; sendTest: Action; remove: Action; setEnabled: Action }) {
  const t = await getTranslations('admin.webhooks');
  const tc = await getTranslations('common');
  return (
    <LabelledCard name="webhooks" title={t('title', { count: hooks.length })} description={t('description')}>
      {hooks.length ? (
        <ul className="mb-6 divide-y divide-border text-sm" data-testid="webhooks">
          {hooks.map((h) => (
            <AdminRow
              key={h.id}
              name={h.name}
              after={
                <>
                  <Badge tone="neutral">{isFormat(h.format) ? t(`formats.${h.format}`) : h.format}</Badge>
                  {h.enabled ? null : <Badge tone="warning">{t('off')}</Badge>}
                </>
              }
              details={[h.target, h.events.map((e) => (isEvent(e) ? t(`events.${e}`) : e)).join(', ')]}
            >
              <ActionButton action={setEnabled} label={h.enabled ? t('turnOffLabel', { name: h.name }) : t('turnOnLabel', { name: h.name })} fields={{ id: h.id, enabled: h.enabled ? 'off' : 'on' }}>
                {h.enabled ? t('turnOff') : t('turnOn')}
              </ActionButton>
              <ActionButton action={sendTest} label={t('sendTestLabel', { name: h.name })} fields={{ id: h.id }}>
                {t('sendTest')}
              </ActionButton>
              <ActionButton action={remove} label={t('deleteLabel', { name: h.name })} confirm={t('deleteConfirm', { name: h.name })} fields={{ id: h.id }} variant="ghost">
                {tc('delete')}
              </ActionButton>
              {/* On a line of its own, full width, under the row. */}
              <details className="basis-full">
                <summary className="cursor-pointer text-xs font-medium text-primary">{t('edit', { name: h.name })}</summary>
                <div className="mt-2 max-w-2xl">
                  <WebhookForm hook={h} />
                </div>
              </details>
            </AdminRow>
          ))}
        </ul>
      ) : (
        <p className="mb-6 text-sm text-muted-foreground">{t('empty')}</p>
      )}
      <WebhookForm />
    </LabelledCard>
  );
}
