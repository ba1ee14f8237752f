import { Card, CardHeader } from '@/components/ui/card';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { DataPolicy, VendorChannelPolicy } from '@/db/schema';
import { CHANNEL_LABEL, POLICY_LABEL } from '@/lib/labels';
import { channelPolicy, POLICY_WITHOUT_ROW } from '@/lib/metrics/privacy';
import { SourceList } from './source-list';

type Props = { vendor: string; apiPolicy: DataPolicy; apiSource: string | null; rows: VendorChannelPolicy[] };

const CHANNELS = Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[];

/**
 * Does the vendor train on what is sent, per access channel: the API is this model's own value, the other
 * channels the vendor's rows (lib/metrics/privacy.ts reads the same for the privacy flag). Dated: terms change.
 */
export function ChannelPolicies({ vendor, apiPolicy, apiSource, rows }: Props) {
  const byChannel = new Map(rows.map((r) => [r.channel as string, r]));
  return (
    <Card>
      <CardHeader title="Data-use policy by channel" description={`Does ${vendor} train on what you send by default? It depends on how you reach the model.`} />
      <Table>
        <TableHead columns={['Channel', 'Trains', 'Opt-out, source, as of']} />
        <tbody>
          {CHANNELS.map((c) => {
            const row = byChannel.get(c);
            const policy = channelPolicy(c, apiPolicy, row?.dataPolicy ?? null);
            return (
              <tr key={c} data-testid={`channel-policy-${c}`}>
                <Td className="whitespace-nowrap">{CHANNEL_LABEL[c]}</Td>
                <Td className="whitespace-nowrap">{POLICY_LABEL[policy]}</Td>
                <Td>
                  {c === 'api' ? (
                    <SourceList value={apiSource} />
                  ) : row ? (
                    <>
                      {row.optOut ? <p className="text-xs">{row.optOut}</p> : null}
                      <SourceList value={row.source} /> <span className="text-xs text-muted-foreground">· {row.asOf ? `as of ${row.asOf}` : 'undated'}</span>
                    </>
                  ) : POLICY_WITHOUT_ROW[c] === 'no_training' ? (
                    <span className="text-xs text-muted-foreground">Your own copy sends the vendor nothing.</span>
                  ) : (
                    <span className="text-xs text-muted-foreground">No policy recorded: treated as unknown.</span>
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
