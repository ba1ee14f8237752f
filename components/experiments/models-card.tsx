import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TableHead, Td } from '@/components/ui/table';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import { effortLabel } from '@/lib/catalog/model-efforts';
import { formatUsd } from '@/lib/format';
import { CHANNEL_LABEL, POLICY_LABEL } from '@/lib/labels';
import { isPrivacyFlagged, isRiskyPolicy, privacyReason } from '@/lib/metrics/privacy';

/** The models used, with today's list price and GPQA Diamond, so a reader sees what they would cost now. */
export function ModelsCard({ e }: { e: ExperimentDetail }) {
  const sensitivity = e.dataSensitivity;
  const flagged =
    sensitivity != null && isPrivacyFlagged({ sensitivity, mitigation: e.privacyMitigation, policies: e.models.map((m) => m.channelPolicy) });
  return (
    <Card>
      <CardHeader title="Models used" />
      {flagged ? (
        <div role="alert" data-testid="privacy-flag" className="mb-3 rounded-md border border-danger p-3 text-sm">
          <p className="font-medium text-danger">Privacy flag: {sensitivity} data may train the vendor&rsquo;s models.</p>
          <ul className="mt-1 list-disc pl-5">
            {e.models
              .filter((m) => isRiskyPolicy(m.channelPolicy))
              .map((m) => (
                <li key={m.id}>
                  {m.name} through {CHANNEL_LABEL[m.channel]}: {privacyReason(m.channelPolicy)}.
                </li>
              ))}
          </ul>
          <p className="mt-1 text-xs text-muted-foreground">Use a channel that does not train on your data, or record how the risk is mitigated.</p>
        </div>
      ) : null}
      {e.models.length === 0 ? (
        <p className="text-sm text-muted-foreground">No models recorded yet.</p>
      ) : (
        <Table>
          <TableHead
            columns={[
              'Model',
              'Vendor',
              'Reasoning effort',
              'Access channel',
              'Trains on your data',
              { label: 'List price in / out per M tokens today (USD)', numeric: true },
              { label: 'GPQA Diamond', numeric: true },
            ]}
          />
          <tbody>
            {e.models.map((m) => (
              <tr key={m.id} data-testid="model-used">
                <Td>
                  {m.name} {m.isPrimary ? <Badge>primary</Badge> : null}
                </Td>
                <Td>{m.vendor}</Td>
                <Td>{effortLabel(m.effort)}</Td>
                <Td>{CHANNEL_LABEL[m.channel]}</Td>
                <Td>{POLICY_LABEL[m.channelPolicy]}</Td>
                <Td className="text-right">
                  {formatUsd(m.input)} / {formatUsd(m.output)}
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
