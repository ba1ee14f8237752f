import type { AuditEntry } from '@/db/schema';
import { Card, CardHeader } from '@/components/ui/card';

const ACTION_LABEL: Record<string, string> = {
  'experiment.create': 'created the experiment',
  'experiment.import': 'imported the experiment from a CSV file',
  'experiment.update': 'edited',
  'experiment.archive': 'archived',
  'experiment.restore': 'restored',
  'outcome.create': 'added a capability outcome',
  'outcome.delete': 'removed a capability outcome',
  'checkin.create': 'added a check-in',
};

/** The form's words for the stored column names. */
const FIELD_LABEL: Record<string, string> = {
  title: 'Title', teamId: 'Team', description: 'Description', hypothesis: 'Hypothesis', workType: 'Work type', mindset: 'Mindset',
  status: 'Status', startDate: 'Start date', endDate: 'End date', reasoningUsed: 'Reasoning mode', dataSensitivity: 'Data sensitivity',
  participants: 'Participants', participantCount: 'Participant count', hoursBeforePerTask: 'Hours per task before AI',
  hoursWithAiPerTask: 'Hours per task with AI', tasksPerMonth: 'Tasks per month', spendMonthlyCents: 'AI spend per month (cents)',
  spendOneOffCents: 'One-off AI spend (cents)', spendOneOffDate: 'One-off spend date', qualityBefore: 'Quality before',
  qualityAfter: 'Quality with AI', blockedByModel: 'Blocked by model', blockerMissing: 'What was missing',
  blockerMinScore: 'Capability bar', blockerMaxPriceUsd: 'Price ceiling', learnings: 'Learnings', conclusion: 'Conclusion',
  privacyMitigation: 'Privacy mitigation', models: 'Models',
};

const show = (v: unknown) => (v == null || v === '' ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Who changed what, when: the append-only audit log of this experiment. Values render as text, never HTML. */
export function HistoryCard({ entries }: { entries: AuditEntry[] }) {
  return (
    <Card aria-labelledby="history-title">
      <CardHeader title={<span id="history-title">History</span>} description="Every change, from the audit log." />
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No recorded changes.</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="history">
          {entries.map((h) => {
            const before = (h.before ?? {}) as Record<string, unknown>;
            const after = (h.after ?? {}) as Record<string, unknown>;
            const changed = h.action === 'experiment.update' ? Object.keys(after) : [];
            return (
              <li key={h.id} className="border-b border-border pb-2 last:border-0">
                <span className="text-muted-foreground">{new Date(h.at).toISOString().slice(0, 16).replace('T', ' ')} UTC</span>{' '}
                <strong>{h.actorEmail ?? 'someone'}</strong>{' '}
                {h.outcome === 'denied' ? <span className="text-danger">was refused ({h.action.replace('denied:', '')})</span> : (ACTION_LABEL[h.action] ?? h.action)}
                {changed.length ? (
                  <ul className="ml-4 mt-1 list-disc text-xs text-muted-foreground">
                    {changed.map((k) => (
                      <li key={k}>
                        {FIELD_LABEL[k] ?? k}: {clip(show(before[k]))} → {clip(show(after[k]))}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
