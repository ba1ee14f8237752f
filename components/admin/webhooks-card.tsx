import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { LabelledCard } from '@/components/ui/card';
import type { ActionState } from '@/lib/action-state';
import { ALERT_LABELS, type AlertEvent } from '@/lib/metrics/alert-events';
import { FORMAT_LABELS, type WebhookFormat } from '@/lib/webhooks/payload';
import { AdminRow } from './admin-row';
import { WebhookForm } from './webhook-form';

type Hook = { id: number; name: string; format: string; target: string; events: string[]; enabled: boolean; createdAt: Date };
type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * The outgoing webhooks (issue 20 §3): each with a test button, an edit form, off/on, and a delete behind a
 * confirmation; the form to add one.
 */
export function WebhooksCard({ hooks, sendTest, remove, setEnabled }: { hooks: Hook[]; sendTest: Action; remove: Action; setEnabled: Action }) {
  return (
    <LabelledCard
      name="webhooks"
      title={`Webhooks (${hooks.length})`}
      description="Alerts posted to Slack, Microsoft Teams (Workflows) or any JSON receiver, through the same queue as email (retried after 1, 5, 30 and 120 minutes). Each request carries X-Uplift-Signature: sha256=HMAC of the body under the webhook's secret."
    >
      {hooks.length ? (
        <ul className="mb-6 divide-y divide-border text-sm" data-testid="webhooks">
          {hooks.map((h) => (
            <AdminRow
              key={h.id}
              name={h.name}
              after={
                <>
                  <Badge tone="neutral">{FORMAT_LABELS[h.format as WebhookFormat] ?? h.format}</Badge>
                  {h.enabled ? null : <Badge tone="warning">off</Badge>}
                </>
              }
              details={[h.target, h.events.map((e) => ALERT_LABELS[e as AlertEvent]?.label ?? e).join(', ')]}
            >
              <ActionForm action={setEnabled} label={`${h.enabled ? 'Turn off' : 'Turn on'} webhook ${h.name}`}>
                <input type="hidden" name="id" value={h.id} />
                <input type="hidden" name="enabled" value={h.enabled ? 'off' : 'on'} />
                <Button type="submit" variant="secondary" size="sm">
                  {h.enabled ? 'Turn off' : 'Turn on'}
                </Button>
              </ActionForm>
              <ActionForm action={sendTest} label={`Send a test to ${h.name}`}>
                <input type="hidden" name="id" value={h.id} />
                <Button type="submit" variant="secondary" size="sm">
                  Send test
                </Button>
              </ActionForm>
              <ActionForm action={remove} label={`Delete webhook ${h.name}`} confirm={`Delete the webhook “${h.name}”? Its messages still waiting are dropped.`}>
                <input type="hidden" name="id" value={h.id} />
                <Button type="submit" variant="ghost" size="sm">
                  Delete
                </Button>
              </ActionForm>
              {/* On a line of its own, full width, under the row. */}
              <details className="basis-full">
                <summary className="cursor-pointer text-xs font-medium text-primary">Edit {h.name}</summary>
                <div className="mt-2 max-w-2xl">
                  <WebhookForm hook={h} />
                </div>
              </details>
            </AdminRow>
          ))}
        </ul>
      ) : (
        <p className="mb-6 text-sm text-muted-foreground">No webhooks yet.</p>
      )}
      <WebhookForm />
    </LabelledCard>
  );
}
