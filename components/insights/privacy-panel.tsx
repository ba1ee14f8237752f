import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/page-header';
import type { MitigatedItem, PrivacyItem } from '@/db/queries/insights/privacy';
import type { ActionState } from '@/lib/action-state';
import type { SENSITIVITY_LABEL } from '@/lib/labels';
import { FlaggedListIntro } from './flagged-list-intro';
import { ActedOnList, ExperimentLink, FlaggedHeading, MoreInList, SHOWN } from './explain';
import { MitigationForm } from './mitigation-form';

type Props = {
  items: PrivacyItem[];
  mitigated: MitigatedItem[];
  listHref: string;
  canMitigate: (teamId: number) => boolean;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

type Sensitivity = keyof typeof SENSITIVITY_LABEL;

const isUrl = (s: string) => /^https?:\/\//.test(s);

export function PrivacyPanel({ items, mitigated, listHref, canMitigate, action }: Props) {
  const t = useTranslations('insights.privacy');
  const tl = useTranslations('labels');
  return (
    <Card id="privacy" aria-labelledby="privacy-title">
      <FlaggedListIntro area="privacy" count={items.length} listHref={listHref} />
      {items.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.slice(0, SHOWN).map((e) => (
            <li key={e.id} data-testid="privacy-item" className="rounded-md border border-border p-3">
              <FlaggedHeading id={e.id} title={e.title} team={e.team}>
                <Badge tone="danger">{t('data', { sensitivity: tl(`sensitivity.${e.sensitivity as Sensitivity}`) })}</Badge>
              </FlaggedHeading>
              <ul className="mt-2 space-y-1 text-sm">
                {e.models.map((m) => (
                  <li key={m.id}>
                    <span className="font-medium">{m.name}</span> {t('model', { vendor: m.vendor, channel: tl(`channel.${m.channel}`), reason: t(`reason.${m.policy}`) })}{' '}
                    {m.source ? (
                      isUrl(m.source) ? (
                        <a href={m.source} className="text-primary underline underline-offset-2" rel="noreferrer" target="_blank">
                          {t('policySource')}
                        </a>
                      ) : (
                        <span className="text-muted-foreground">{t('source', { source: m.source })}</span>
                      )
                    ) : (
                      <span className="text-muted-foreground">{t('noPolicy')}</span>
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
        <ActedOnList title={t('mitigated')} testId="mitigated">
          {mitigated.slice(0, SHOWN).map((m) => (
            <li key={m.id}>
              <ExperimentLink id={m.id}>{m.title}</ExperimentLink>{' '}
              <span className="text-muted-foreground">{t('mitigatedItem', { team: m.team, mitigation: m.mitigation })}</span>
            </li>
          ))}
        </ActedOnList>
      ) : null}
    </Card>
  );
}
