import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import { getFormat } from '@/i18n/format';
import { effortBudgetTokens } from '@/lib/catalog/epoch-effort';
import { NO_REASONING, VENDOR_DEFAULT } from '@/lib/catalog/model-efforts';
import type { CostPerTaskRow, CostSource } from '@/lib/metrics/cost-per-task';

const SHOWN_CONTRASTS = 2;
const SOURCES = ['measured', 'reported', 'billed'] as const satisfies readonly CostSource[];

/**
 * Cost per task by model and effort, beside the per-token price: a model cheaper per token but dearer per task
 * is flagged, since its output (thinking included) is what the bill counts. `scope` is said in the reader's
 * language by the page ("in this period", "of the organisation").
 */
export async function CostPerTaskTable({ rows, scope }: { rows: CostPerTaskRow[]; scope: string }) {
  const [t, f] = await Promise.all([getTranslations('dashboard.costPerTask'), getFormat()]);
  if (!rows.length)
    return (
      <p className="text-sm text-muted-foreground" data-testid="cost-per-task-empty">
        {t('empty', { scope })}
      </p>
    );
  /** The first few rows a model loses to per task (the cheapest per task first), then how many more. */
  const namesOf = (labels: string[]) =>
    labels.length > SHOWN_CONTRASTS
      ? t('namesAndMore', { names: labels.slice(0, SHOWN_CONTRASTS).join(', '), more: labels.length - SHOWN_CONTRASTS })
      : labels.join(', ');
  // lib/catalog/model-efforts.ts's effortLabel and lib/metrics/cost-per-task.ts's costSourceLabel, in the reader's language.
  const effortText = (effort: string) =>
    effort === VENDOR_DEFAULT ? t('effort.vendorDefault') : effort === NO_REASONING ? t('effort.noReasoning') : effortBudgetTokens(effort) != null ? t('effort.thinkingTokens', { effort }) : effort;
  const sourceText = (sources: Record<CostSource, number>) => {
    const used = SOURCES.filter((s) => sources[s] > 0);
    return used.length === 1 ? t(`source.${used[0]}`) : used.map((s) => `${t(`source.${s}`)} ${sources[s]}`).join(', ');
  };
  return (
    <div>
      <Table data-testid="cost-per-task">
        <thead>
          <tr>
            <Th>{t('columns.model')}</Th>
            <Th>{t('columns.effort')}</Th>
            <Th className="text-right">{t('columns.costPerTask')}</Th>
            <Th className="text-right">{t('columns.checkins')}</Th>
            <Th>{t('columns.costedFrom')}</Th>
            <Th className="text-right">{t('columns.tasks')}</Th>
            <Th className="text-right">{t('columns.listPrice')}</Th>
            <Th className="text-right">{t('columns.charged')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.modelId}|${r.effort}`} data-testid="cost-per-task-row">
              <Td>
                {r.model}
                {r.dearerPerTaskThan.length ? (
                  <span className="mt-0.5 block text-xs text-danger" data-testid="dearer-per-task">
                    {t('dearerPerTask', { names: namesOf(r.dearerPerTaskThan) })}
                  </span>
                ) : null}
              </Td>
              <Td>{effortText(r.effort)}</Td>
              <Td className="text-right font-medium tabular-nums">{f.formatUsd(r.costPerTaskUsd, 4)}</Td>
              <Td className="num">{r.checkins}</Td>
              <Td className="text-xs" data-testid="cost-source">
                {sourceText(r.sources)}
              </Td>
              <Td className="num">{f.formatNumber(r.tasks)}</Td>
              <Td className="num">{r.listPrice ? `${f.formatUsd(r.listPrice.input)} / ${f.formatUsd(r.listPrice.output)}` : '—'}</Td>
              <Td className="num">
                {f.formatUsd(r.blendedPerMtok)}
                {r.charged?.promotionalUntil ? <span className="block text-xs text-muted-foreground">{t('promotionUntil', { date: r.charged.promotionalUntil })}</span> : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-muted-foreground">{t('method', { scope })}</p>
    </div>
  );
}
