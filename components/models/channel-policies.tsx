import { useTranslations } from 'next-intl';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { DataPolicy, VendorChannelPolicy } from '@/db/schema';
import { CHANNEL_LABEL } from '@/lib/labels';
import { channelPolicy, POLICY_WITHOUT_ROW } from '@/lib/metrics/privacy';
import { SourceList } from './source-list';

type Props = { vendor: string; apiPolicy: DataPolicy; apiSource: string | null; rows: VendorChannelPolicy[] };

const CHANNELS = Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[];

/**
 * Does the vendor train on what is sent, per access channel: the API is this model's own value, the other
 * channels the vendor's rows (lib/metrics/privacy.ts reads the same for the privacy flag). Dated: terms change.
 */
export function ChannelPolicies({ vendor, apiPolicy, apiSource, rows }: Props) {
  const t = useTranslations('models.channelPolicies');
  const tl = useTranslations('labels');
  const byChannel = new Map(rows.map((r) => [r.channel as string, r]));
  return (
    <Card>
      <CardHeader title={t('title')} description={t('description', { vendor })} />
      <Table>
        <TableHead columns={[t('channel'), t('trains'), t('optOutSourceAsOf')]} />
        <tbody>
          {CHANNELS.map((c) => {
            const row = byChannel.get(c);
            const policy = channelPolicy(c, apiPolicy, row?.dataPolicy ?? null);
            return (
              <tr key={c} data-testid={`channel-policy-${c}`}>
                <Td className="whitespace-nowrap">{tl(`channel.${c}`)}</Td>
                <Td className="whitespace-nowrap">{tl(`policy.${policy}`)}</Td>
                <Td>
                  {c === 'api' ? (
                    <SourceList value={apiSource} />
                  ) : row ? (
                    <>
                      {row.optOut ? <p className="text-xs">{row.optOut}</p> : null}
                      <SourceList value={row.source} /> <span className="text-xs text-muted-foreground">· {row.asOf ? t('asOf', { date: row.asOf }) : t('undated')}</span>
                    </>
                  ) : POLICY_WITHOUT_ROW[c] === 'no_training' ? (
                    <span className="text-xs text-muted-foreground">{t('ownCopy')}</span>
                  ) : (
                    <span className="text-xs text-muted-foreground">{t('noPolicy')}</span>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
