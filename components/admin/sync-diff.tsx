import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TableHead, Td, Th } from '@/components/ui/table';
import type { ActionState } from '@/lib/action-state';
import { planConflicts, type SyncPlan, type TierChange } from '@/lib/catalog/sync/diff';
import { sourceText } from '@/lib/sources';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type Sync = { id: number; status: string; plan: SyncPlan; decidedBy: string | null; decidedAt: Date | null };

const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;
const pair = (p: { input: number; output: number }) => `${usd(p.input)} / ${usd(p.output)}`;
const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const tierPrice = (p: { input: number; output: number | null }) => (p.output == null ? usd(p.input) : pair({ input: p.input, output: p.output }));
const TIER_NAME: Record<TierChange['tier'], string> = { cached_input: 'Cache read', cache_write: 'Cache write', batch: 'Batch', long_context: 'Long context' };
const tierName = (t: TierChange) => (t.tier === 'long_context' ? `Prompts over ${t.contextOverTokens.toLocaleString('en-US')} tokens` : TIER_NAME[t.tier]);

function TakeBox({ k, label, pending }: { k: string; label: string; pending: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="take" value={k} disabled={!pending} aria-label={label} />
      Use the source&apos;s value
    </label>
  );
}

/** The diff of one sync: what applying it would add or change, with conflicts to resolve. */
export function SyncDiff({ sync, apply, discard }: { sync: Sync; apply: Action; discard: Action }) {
  const { plan } = sync;
  const pending = sync.status === 'pending';
  // A sync read before tiers were synced has none.
  const tiers = plan.tiers ?? [];
  const conflicts = planConflicts(plan).length;
  const empty = !plan.newModels.length && !plan.newAliases.length && !plan.prices.length && !tiers.length && !plan.scores.length;
  const body = (
    <div className="w-full space-y-6">
      {!pending ? (
        <p role="status" className="text-sm">
          <Badge tone={sync.status === 'applied' ? 'success' : 'neutral'}>{sync.status}</Badge> by {sync.decidedBy ?? 'unknown'} on {sync.decidedAt?.toISOString().slice(0, 10)}.
        </p>
      ) : null}
      {empty ? <p className="text-sm">Nothing to change: the catalog already holds every value of this file that it maps.</p> : null}
      {plan.newModels.length ? (
        <Card>
          <CardHeader title={`New models (${plan.newModels.length})`} description="Added with their launch list price and a models.dev alias; their data policy starts as unknown." />
          <Table aria-label="New models">
            <thead>
              <tr><Th>Model</Th><Th>Vendor</Th><Th>Released</Th><Th className="text-right">Input / output per 1M tokens</Th></tr>
            </thead>
            <tbody>
              {plan.newModels.map((m) => (
                <tr key={m.slug}>
                  <Td className="font-medium">{m.name} <span className="text-muted-foreground">({m.slug})</span></Td>
                  <Td>{m.vendor}</Td>
                  <Td>{m.releaseDate}</Td>
                  <Td className="text-right tabular-nums">{pair(m)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {plan.prices.length ? (
        <Card>
          <CardHeader title={`List prices (${plan.prices.length})`} description="Each becomes a price-history row from its effective date; earlier prices stay in the history." />
          <Table aria-label="Price changes">
            <TableHead columns={['Model', 'Now', 'From the source', 'Effective', 'Conflict']} />
            <tbody>
              {plan.prices.map((p) => (
                <tr key={p.key}>
                  <Td className="font-medium">{p.slug}</Td>
                  <Td className="tabular-nums">{p.before ? <>{pair(p.before)} <span className="block text-xs text-muted-foreground">since {p.before.effectiveDate}, {sourceText(p.before.source)}</span></> : 'none'}</Td>
                  <Td className="tabular-nums">{pair(p)}</Td>
                  <Td>{p.effectiveDate}</Td>
                  <Td>{p.conflict ? <><Badge tone="warning">entered by an admin</Badge><TakeBox k={p.key} label={`Use the source's price for ${p.slug}`} pending={pending} /></> : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {tiers.length ? (
        <Card>
          <CardHeader title={`Price tiers (${tiers.length})`} description="Cache, batch and long-context prices per 1M tokens (input / output; a cache price has one). Each becomes a history row from its effective date." />
          <Table aria-label="Price tier changes">
            <TableHead columns={['Model', 'Tier', 'Now', 'From the source', 'Effective', 'Conflict']} />
            <tbody>
              {tiers.map((t) => (
                <tr key={t.key}>
                  <Td className="font-medium">{t.slug}</Td>
                  <Td>{tierName(t)}</Td>
                  <Td className="tabular-nums">{t.before ? <>{tierPrice(t.before)} <span className="block text-xs text-muted-foreground">since {t.before.effectiveDate}, {sourceText(t.before.source)}</span></> : 'none'}</Td>
                  <Td className="tabular-nums">{tierPrice(t)}</Td>
                  <Td>{t.effectiveDate}</Td>
                  <Td>{t.conflict ? <><Badge tone="warning">entered by an admin</Badge><TakeBox k={t.key} label={`Use the source's ${tierName(t).toLowerCase()} price for ${t.slug}`} pending={pending} /></> : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {plan.scores.length ? (
        <Card>
          <CardHeader title={`Benchmark scores (${plan.scores.length})`} description="New scores and changed ones, per reasoning effort where the benchmark measures it." />
          <Table aria-label="Score changes">
            <thead>
              <tr><Th>Model</Th><Th>Benchmark</Th><Th>Effort</Th><Th className="text-right">Now</Th><Th className="text-right">From the source</Th><Th>Conflict</Th></tr>
            </thead>
            <tbody>
              {plan.scores.map((s) => (
                <tr key={s.key}>
                  <Td className="font-medium">{s.slug}</Td>
                  <Td>{s.benchmark}</Td>
                  <Td>{s.effort || '—'}</Td>
                  <Td className="text-right tabular-nums">{s.before ? num(s.before.score) : 'new'}</Td>
                  <Td className="text-right tabular-nums">{num(s.score)}</Td>
                  <Td>{s.conflict ? <><Badge tone="warning">entered by an admin</Badge><TakeBox k={s.key} label={`Use the source's score for ${s.slug} ${s.benchmark} ${s.effort}`} pending={pending} /></> : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {plan.newAliases.length ? (
        <p className="text-sm">Also maps {plan.newAliases.map((a) => `${a.externalId} → ${a.slug}`).join(', ')} (same id as the catalog model).</p>
      ) : null}
      {plan.unmapped.length ? (
        <p className="text-sm">
          {plan.unmapped.length} id{plan.unmapped.length === 1 ? '' : 's'} of the file map to no catalog model and are left out
          {' '}(<span className="break-all">{plan.unmapped.slice(0, 12).join(', ')}{plan.unmapped.length > 12 ? ', …' : ''}</span>).
          {' '}<Link href="/admin/aliases" className="underline">Map them</Link> and read the file again.
        </p>
      ) : null}
    </div>
  );
  if (!pending) return body;
  return (
    <div className="space-y-4">
      <ActionForm action={apply} label="Apply the sync" className="block space-y-4">
        <input type="hidden" name="id" value={sync.id} />
        {body}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={empty}>Apply{conflicts ? ` (${conflicts} conflict${conflicts === 1 ? '' : 's'}: unticked ones keep your value)` : ''}</Button>
        </div>
      </ActionForm>
      <ActionForm action={discard} label="Discard the sync">
        <input type="hidden" name="id" value={sync.id} />
        <Button type="submit" variant="secondary">Discard</Button>
      </ActionForm>
    </div>
  );
}
