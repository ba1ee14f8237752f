import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { formatDate, formatMoneyCents, formatNumber } from '@/lib/format';
import { CheckinsChart } from './checkins-chart';
import { CheckinForm } from './child-forms';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const n = (v: string | null) => (v == null ? null : Number(v));

/** Dated readings of the figures, as a table and (from two points on) a small chart. */
export function CheckinsCard({ e, canEdit, addAction, today }: { e: ExperimentDetail; canEdit: boolean; addAction: Action; today: string }) {
  return (
    <Card aria-labelledby="checkins-title">
      <CardHeader title={<span id="checkins-title">Check-ins</span>} description="How the figures evolved over time." />
      <CheckinsChart points={e.checkins.map((c) => ({ date: c.date, hoursSaved: n(c.hoursSavedPerMonth) }))} />
      {e.checkins.length === 0 ? (
        <p className="text-sm text-muted-foreground">No check-ins yet.</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Date</Th>
              <Th className="text-right">Hours saved / month</Th>
              <Th className="text-right">Spend / month</Th>
              <Th className="text-right">Quality</Th>
              <Th>Note</Th>
            </tr>
          </thead>
          <tbody>
            {e.checkins.map((c) => (
              <tr key={c.id} data-testid="checkin">
                <Td>{formatDate(c.date)}</Td>
                <Td className="text-right">{formatNumber(n(c.hoursSavedPerMonth), 2)}</Td>
                <Td className="text-right">{formatMoneyCents(c.spendMonthlyCents)}</Td>
                <Td className="text-right">{c.qualityAfter ?? '—'}</Td>
                <Td className="whitespace-pre-wrap wrap-anywhere">{c.note}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit ? <CheckinForm action={addAction} experimentId={e.id} today={today} /> : null}
    </Card>
  );
}
