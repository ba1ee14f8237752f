import { Table, Td, Th } from '@/components/ui/table';
import { effortLabel } from '@/lib/catalog/model-efforts';
import { costSourceLabel, type CostPerTaskRow } from '@/lib/metrics/cost-per-task';
import { BLEND_ASSUMPTION } from '@/lib/metrics/prices';
import { formatUsd } from '@/lib/format';

const SHOWN_CONTRASTS = 2;
/** The first few rows a model loses to per task (the cheapest per task first), then how many more. */
const namesOf = (labels: string[]) =>
  labels.slice(0, SHOWN_CONTRASTS).join(', ') + (labels.length > SHOWN_CONTRASTS ? ` and ${labels.length - SHOWN_CONTRASTS} more` : '');

/**
 * Cost per task by model and effort, beside the per-token price: a model cheaper per token but dearer per task
 * is flagged, since its output (thinking included) is what the bill counts.
 */
export function CostPerTaskTable({ rows, scope }: { rows: CostPerTaskRow[]; scope: string }) {
  if (!rows.length)
    return (
      <p className="text-sm text-muted-foreground" data-testid="cost-per-task-empty">
        No check-in {scope} records tasks done with their tokens or bill yet. Add them to a check-in to see what a task really costs.
      </p>
    );
  return (
    <div>
      <Table data-testid="cost-per-task">
        <thead>
          <tr>
            <Th>Model</Th>
            <Th>Effort</Th>
            <Th className="text-right">Cost per task (USD)</Th>
            <Th className="text-right">Check-ins</Th>
            <Th>Costed from</Th>
            <Th className="text-right">Tasks</Th>
            <Th className="text-right">List price in / out per M tokens (USD)</Th>
            <Th className="text-right">Charged today, blended (USD)</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.modelId}|${r.effort}`} data-testid="cost-per-task-row">
              <Td>
                {r.model}
                {r.dearerPerTaskThan.length ? (
                  <span className="mt-0.5 block text-xs text-danger" data-testid="dearer-per-task">
                    Cheaper per token than {namesOf(r.dearerPerTaskThan)}, but dearer per task.
                  </span>
                ) : null}
              </Td>
              <Td>{effortLabel(r.effort)}</Td>
              <Td className="text-right font-medium tabular-nums">{formatUsd(r.costPerTaskUsd, 4)}</Td>
              <Td className="text-right tabular-nums">{r.checkins}</Td>
              <Td className="text-xs" data-testid="cost-source">
                {costSourceLabel(r.sources)}
              </Td>
              <Td className="text-right tabular-nums">{r.tasks.toLocaleString('en-US')}</Td>
              <Td className="text-right tabular-nums">{r.listPrice ? `${formatUsd(r.listPrice.input)} / ${formatUsd(r.listPrice.output)}` : '—'}</Td>
              <Td className="text-right tabular-nums">
                {formatUsd(r.blendedPerMtok)}
                {r.charged?.promotionalUntil ? <span className="block text-xs text-muted-foreground">promotion until {r.charged.promotionalUntil}</span> : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-muted-foreground">
        From the check-ins {scope}: Σ cost ÷ Σ tasks, where a check-in&apos;s cost is its bill, else its tokens (output includes reasoning) at the
        price charged on its date: the tokens imported usage measured for the team and model over the check-in&apos;s period where there are
        any, else the ones reported in the check-in. {BLEND_ASSUMPTION}
      </p>
    </div>
  );
}
