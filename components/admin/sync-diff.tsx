import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TableHead, Td, Th } from '@/components/ui/table';
import { getFormat } from '@/i18n/format';
import type { ActionState } from '@/lib/action-state';
import { planConflicts, type SyncPlan, type TierChange } from '@/lib/catalog/sync/diff';
import { sourceText } from '@/lib/sources';
import { sourceWordsIn } from '@/components/models/source-words';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type Sync = { id: number; status: string; plan: SyncPlan; decidedBy: string | null; decidedAt: Date | null };

function TakeBox({ k, label, text, pending }: { k: string; label: string; text: string; pending: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="take" value={k} disabled={!pending} aria-label={label} />
      {text}
    </label>
  );
}

/** The diff of one sync: what applying it would add or change, with conflicts to resolve. */
export async function SyncDiff({ sync, apply, discard }: { sync: Sync; apply: Action; discard: Action }) {
  const t = await getTranslations('admin.syncDiff');
  const sourceWords = sourceWordsIn(await getTranslations('models'));
  const f = await getFormat();
  // List prices are US dollars per 1M tokens, exact to four decimals.
  const usd = (n: number) => `$${f.formatNumber(n, 4)}`;
  const pair = (p: { input: number; output: number }) => `${usd(p.input)} / ${usd(p.output)}`;
  const num = (n: number) => f.formatNumber(n, 1);
  const tierPrice = (p: { input: number; output: number | null }) => (p.output == null ? usd(p.input) : pair({ input: p.input, output: p.output }));
  const tierName = (c: TierChange) => (c.tier === 'long_context' ? t('longContextOver', { tokens: f.formatNumber(c.contextOverTokens) }) : t(`tiers.${c.tier}`));
  const tierNameLower = (c: TierChange) => (c.tier === 'long_context' ? t('longContextOverLower', { tokens: f.formatNumber(c.contextOverTokens) }) : t(`tiersLower.${c.tier}`));
  const take = t('take');
  const since = (b: { effectiveDate: string; source: Parameters<typeof sourceText>[0] }) => t('since', { date: b.effectiveDate, source: sourceText(b.source, sourceWords) });
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
          {t.rich('decided', {
            status: sync.status === 'applied' || sync.status === 'discarded' ? t(`statuses.${sync.status}`) : sync.status,
            by: sync.decidedBy ?? t('unknown'),
            date: sync.decidedAt?.toISOString().slice(0, 10) ?? '',
            badge: (chunks) => <Badge tone={sync.status === 'applied' ? 'success' : 'neutral'}>{chunks}</Badge>,
          })}
        </p>
      ) : null}
      {empty ? <p className="text-sm">{t('nothing')}</p> : null}
      {plan.newModels.length ? (
        <Card>
          <CardHeader title={t('newModelsTitle', { count: plan.newModels.length })} description={t('newModelsDescription')} />
          <Table aria-label={t('newModels')}>
            <thead>
              <tr><Th>{t('model')}</Th><Th>{t('vendor')}</Th><Th>{t('released')}</Th><Th className="text-right">{t('perMillion')}</Th></tr>
            </thead>
            <tbody>
              {plan.newModels.map((m) => (
                <tr key={m.slug}>
                  <Td className="font-medium">{m.name} <span className="text-muted-foreground">({m.slug})</span></Td>
                  <Td>{m.vendor}</Td>
                  <Td>{m.releaseDate}</Td>
                  <Td className="num">{pair(m)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {plan.prices.length ? (
        <Card>
          <CardHeader title={t('pricesTitle', { count: plan.prices.length })} description={t('pricesDescription')} />
          <Table aria-label={t('priceChanges')}>
            <TableHead columns={[t('model'), t('now'), t('fromSource'), t('effective'), t('conflict')]} />
            <tbody>
              {plan.prices.map((p) => (
                <tr key={p.key}>
                  <Td className="font-medium">{p.slug}</Td>
                  <Td className="tabular-nums">{p.before ? <>{pair(p.before)} <span className="block text-xs text-muted-foreground">{since(p.before)}</span></> : t('none')}</Td>
                  <Td className="tabular-nums">{pair(p)}</Td>
                  <Td>{p.effectiveDate}</Td>
                  <Td>{p.conflict ? <><Badge tone="warning">{t('byAdmin')}</Badge><TakeBox k={p.key} label={t('takePrice', { model: p.slug })} text={take} pending={pending} /></> : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {tiers.length ? (
        <Card>
          <CardHeader title={t('tiersTitle', { count: tiers.length })} description={t('tiersDescription')} />
          <Table aria-label={t('tierChanges')}>
            <TableHead columns={[t('model'), t('tier'), t('now'), t('fromSource'), t('effective'), t('conflict')]} />
            <tbody>
              {tiers.map((c) => (
                <tr key={c.key}>
                  <Td className="font-medium">{c.slug}</Td>
                  <Td>{tierName(c)}</Td>
                  <Td className="tabular-nums">{c.before ? <>{tierPrice(c.before)} <span className="block text-xs text-muted-foreground">{since(c.before)}</span></> : t('none')}</Td>
                  <Td className="tabular-nums">{tierPrice(c)}</Td>
                  <Td>{c.effectiveDate}</Td>
                  <Td>{c.conflict ? <><Badge tone="warning">{t('byAdmin')}</Badge><TakeBox k={c.key} label={t('takeTier', { tier: tierNameLower(c), model: c.slug })} text={take} pending={pending} /></> : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {plan.scores.length ? (
        <Card>
          <CardHeader title={t('scoresTitle', { count: plan.scores.length })} description={t('scoresDescription')} />
          <Table aria-label={t('scoreChanges')}>
            <thead>
              <tr><Th>{t('model')}</Th><Th>{t('benchmark')}</Th><Th>{t('effort')}</Th><Th className="text-right">{t('now')}</Th><Th className="text-right">{t('fromSource')}</Th><Th>{t('conflict')}</Th></tr>
            </thead>
            <tbody>
              {plan.scores.map((s) => (
                <tr key={s.key}>
                  <Td className="font-medium">{s.slug}</Td>
                  <Td>{s.benchmark}</Td>
                  <Td>{s.effort || '—'}</Td>
                  <Td className="num">{s.before ? num(s.before.score) : t('new')}</Td>
                  <Td className="num">{num(s.score)}</Td>
                  <Td>{s.conflict ? <><Badge tone="warning">{t('byAdmin')}</Badge><TakeBox k={s.key} label={t('takeScore', { model: s.slug, benchmark: s.benchmark, effort: s.effort })} text={take} pending={pending} /></> : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {plan.newAliases.length ? (
        <p className="text-sm">{t('alsoMaps', { aliases: plan.newAliases.map((a) => `${a.externalId} → ${a.slug}`).join(', ') })}</p>
      ) : null}
      {plan.unmapped.length ? (
        <p className="text-sm">
          {t.rich(plan.unmapped.length === 1 ? 'unmappedOne' : 'unmappedMany', {
            count: plan.unmapped.length,
            ids: `${plan.unmapped.slice(0, 12).join(', ')}${plan.unmapped.length > 12 ? ', …' : ''}`,
            list: (chunks) => <span className="break-all">{chunks}</span>,
            map: (chunks) => <Link href="/admin/aliases" className="underline">{chunks}</Link>,
          })}
        </p>
      ) : null}
    </div>
  );
  if (!pending) return body;
  return (
    <div className="space-y-4">
      <ActionForm action={apply} label={t('applyLabel')} className="block space-y-4">
        <input type="hidden" name="id" value={sync.id} />
        {body}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={empty}>{conflicts ? t(conflicts === 1 ? 'applyWithConflict' : 'applyWithConflicts', { count: conflicts }) : t('apply')}
</Button>
        </div>
      </ActionForm>
      <ActionForm action={discard} label={t('discardLabel')}>
        <input type="hidden" name="id" value={sync.id} />
        <Button type="submit" variant="secondary">{t('discard')}</Button>
      </ActionForm>
    </div>
  );
}
