import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/page-header';
import type { MitigatedItem, PrivacyItem } from '@/db/queries/insights/privacy';
import type { ActionState } from '@/lib/action-state';
import { SENSITIVITY_LABEL, CHANNEL_LABEL } from '@/lib/labels';
import { privacyReason } from '@/lib/metrics/privacy';
import { ActedOnList, ExperimentLink, Explain, FlaggedHeading, MoreInList, SHOWN } from './explain';
import { MitigationForm } from './mitigation-form';

type Props = {
  items: PrivacyItem[];
  mitigated: MitigatedItem[];
  listHref: string;
  canMitigate: (teamId: number) => boolean;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

const isUrl = (s: string) => /^https?:\/\//.test(s);

export function PrivacyPanel({ items, mitigated, listHref, canMitigate, action }: Props) {
  return (
    <Card id="privacy" aria-labelledby="privacy-title">
      <CardHeader
        title={<span id="privacy-title">Privacy flags</span>}
        description={
          <>
            <span data-testid="privacy-count">{items.length}</span> open flag{items.length === 1 ? '' : 's'}.{' '}
            <Link href={listHref} className="text-primary underline underline-offset-2">
              Show in the experiment list
            </Link>
          </>
        }
      />
      <Explain>
        An experiment is flagged when it sent confidential or restricted data to a model whose provider trains on user data by default,
        or whose policy is unknown (policy and its source come from the model catalog). The flag clears when a lead of the team records
        how the risk was mitigated, for example an enterprise agreement with a training opt-out; the audit trail keeps who and when.
      </Explain>
      {items.length === 0 ? (
        <EmptyState title="No open privacy flags">Every sensitive experiment uses a model that does not train on its data, or has a recorded mitigation.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.slice(0, SHOWN).map((e) => (
            <li key={e.id} data-testid="privacy-item" className="rounded-md border border-border p-3">
              <FlaggedHeading id={e.id} title={e.title} team={e.team}>
                <Badge tone="danger">{SENSITIVITY_LABEL[e.sensitivity as keyof typeof SENSITIVITY_LABEL]} data</Badge>
              </FlaggedHeading>
              <ul className="mt-2 space-y-1 text-sm">
                {e.models.map((m) => (
                  <li key={m.id}>
                    <span className="font-medium">{m.name}</span> ({m.vendor}, {CHANNEL_LABEL[m.channel]}): {privacyReason(m.policy)}.{' '}
                    {m.source ? (
                      isUrl(m.source) ? (
                        <a href={m.source} className="text-primary underline underline-offset-2" rel="noreferrer" target="_blank">
                          Policy source
                        </a>
                      ) : (
                        <span className="text-muted-foreground">Source: {m.source}</span>
                      )
                    ) : (
                      <span className="text-muted-foreground">The catalog’s sources state no policy.</span>
                    )}
                  </li>
                ))}
              </ul>
              {canMitigate(e.teamId) ? (
                <div className="mt-3">
                  <MitigationForm action={action} experimentId={e.id} version={e.version} title={e.title} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN ? <MoreInList shown={SHOWN} total={items.length} href={listHref} /> : null}
      {mitigated.length ? (
        <ActedOnList title="Mitigated" testId="mitigated">
          {mitigated.slice(0, SHOWN).map((m) => (
            <li key={m.id}>
              <ExperimentLink id={m.id}>{m.title}</ExperimentLink>{' '}
              <span className="text-muted-foreground">
                ({m.team}): {m.mitigation}
              </span>
            </li>
          ))}
        </ActedOnList>
      ) : null}
    </Card>
  );
}
