import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import { getFormat } from '@/i18n/format';
import { isPrivacyFlagged, isRiskyPolicy } from '@/lib/metrics/privacy';
import { effortText } from './effort-text';

/** The models used, with today's list price and GPQA Diamond, so a reader sees what they would cost now. */
export async function ModelsCard({ e }: { e: ExperimentDetail }) {
  const [t, tl, f] = await Promise.all([getTranslations('experiments.models'), getTranslations('labels'), getFormat()]);
  const effortWords = { vendorDefault: t('effortDefault'), noReasoning: t('effortNone'), thinkingTokens: (effort: string) => t('effortTokens', { effort }) };
  // Why a channel is risky (lib/metrics/privacy.ts privacyReason, in the reader's language).
  const privacyReason = (policy: (typeof e.models)[number]['channelPolicy']) =>
    policy === 'trains' ? t('reasonTrains') : policy === 'unknown' ? t('reasonUnknown') : t('reasonNoTraining');
  const sensitivity = e.dataSensitivity;
  const flagged =
    sensitivity != null && isPrivacyFlagged({ sensitivity, mitigation: e.privacyMitigation, policies: e.models.map((m) => m.channelPolicy) });
  return (
    <Card>
      <CardHeader title={t('title')} />
      {flagged ? (
        <div role="alert" data-testid="privacy-flag" className="mb-3 rounded-md border border-danger p-3 text-sm">
          <p className="font-medium text-danger">{t('privacyFlag', { sensitivity: tl(`sensitivity.${sensitivity}`).toLowerCase() })}</p>
          <ul className="mt-1 list-disc pl-5">
            {e.models
              .filter((m) => isRiskyPolicy(m.channelPolicy))
              .map((m) => (
                <li key={m.id}>
                  {t('risky', { model: m.name, channel: tl(`channel.${m.channel}`), reason: privacyReason(m.channelPolicy) })}
                </li>
              ))}
          </ul>
          <p className="mt-1 text-xs text-muted-foreground">{t('mitigate')}</p>
        </div>
      ) : null}
      {e.models.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <Table>
          <TableHead
            columns={[
              t('model'),
              t('vendor'),
              t('effort'),
              t('channel'),
              t('trains'),
              { label: t('price'), numeric: true },
              { label: t('gpqa'), numeric: true },
            ]}
          />
          <tbody>
            {e.models.map((m) => (
              <tr key={m.id} data-testid="model-used">
                <Td>
                  {m.name} {m.isPrimary ? <Badge>{t('primary')}</Badge> : null}
                </Td>
                <Td>{m.vendor}</Td>
                <Td>{effortText(m.effort, effortWords)}</Td>
                <Td>{tl(`channel.${m.channel}`)}</Td>
                <Td>{tl(`policy.${m.channelPolicy}`)}</Td>
                <Td className="text-right">
                  {f.formatUsd(m.input)} / {f.formatUsd(m.output)}
                </Td>
                <Td className="text-right">{m.gpqa == null ? '—' : `${Number(m.gpqa)}%`}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
