// The role × action table: catalog sync and aliases (app/(app)/admin/catalog/actions.ts, app/api/admin/catalog-sync).
import { addAliasAction, applySyncAction, deleteAliasAction, discardSyncAction } from '@/app/(app)/admin/catalog/actions';
import * as catalogSyncRoute from '@/app/api/admin/catalog-sync/route';
import { modelAliases } from '@/db/schema';
import type { Db } from '@/db/types';
import { startSync } from '@/lib/catalog-sync/service';
import { ADMIN, type Handler, type TableEntry } from './entry';

/** A models.dev file offering one new first-party model, so each call has something to sync. */
function modelsDevFile(uid: string): string {
  const id = `sync-${uid}`.toLowerCase();
  return JSON.stringify({ openai: { id: 'openai', name: 'OpenAI', models: { [id]: { id, name: `Sync ${uid}`, release_date: '2026-01-01', cost: { input: 1, output: 2 } } } } });
}
async function pendingSync(db: Db, uid: string): Promise<number> {
  const r = await startSync(db, 'models.dev', { bytes: new TextEncoder().encode(modelsDevFile(uid)), fileName: 'api.json', origin: 'upload' }, null);
  if (!r.ok) throw new Error(r.error);
  return r.id;
}

export const CATALOG_SYNC: TableEntry[] = [
  {
    name: 'route: POST /api/admin/catalog-sync',
    effect: { changes: ['catalog_syncs'], audit: 'catalog.sync.read' },
    allowed: ADMIN,
    route: { method: 'POST', path: '/api/admin/catalog-sync?source=models.dev&name=api.json', body: 'text', handler: catalogSyncRoute.POST as Handler },
    input: (fx) => ({ body: modelsDevFile(fx.uid()) }),
  },
  {
    name: 'admin: apply a catalog sync',
    effect: { changes: ['ai_models', 'model_prices', 'model_aliases', 'catalog_syncs'], audit: 'catalog.sync' },
    allowed: ADMIN,
    action: applySyncAction,
    input: async (fx) => ({ id: String(await pendingSync(fx.db, fx.uid())) }),
  },
  {
    name: 'admin: discard a catalog sync',
    effect: { changes: ['catalog_syncs'], audit: 'catalog.sync.discard' },
    allowed: ADMIN,
    action: discardSyncAction,
    input: async (fx) => ({ id: String(await pendingSync(fx.db, fx.uid())) }),
  },
  {
    name: 'admin: map an outside id to a model',
    effect: { changes: ['model_aliases'], audit: 'alias.create' },
    allowed: ADMIN,
    action: addAliasAction,
    input: async (fx) => ({ source: 'epoch', externalId: `v-${fx.uid()}`, modelId: String((await fx.db.select({ id: modelAliases.modelId }).from(modelAliases).limit(1))[0].id), effort: 'high' }),
  },
  {
    name: 'admin: remove an alias',
    effect: { changes: ['model_aliases'], audit: 'alias.delete' },
    allowed: ADMIN,
    action: deleteAliasAction,
    input: async (fx) => {
      const [mapped] = await fx.db.select({ modelId: modelAliases.modelId }).from(modelAliases).limit(1);
      const [row] = await fx.db.insert(modelAliases).values({ source: 'epoch', externalId: `gone-${fx.uid()}`, modelId: mapped.modelId, effort: 'default' }).returning({ id: modelAliases.id });
      return { aliasId: String(row.id) };
    },
  },
];
