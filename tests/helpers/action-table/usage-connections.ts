// The role × action table: usage connections (app/(app)/admin/usage/connection-actions.ts). Only admins connect
// sources, replace credentials, pull and disconnect.
import { deleteConnectionAction, pullNowAction, replaceCredentialAction, addConnectionAction } from '@/app/(app)/admin/usage/connection-actions';
import { createConnection } from '@/db/queries/usage/connections';
import { written } from '@/db/queries/write-result';
import { usageConnections } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { sealSecret } from '@/lib/security/secrets';
import { ADMIN, type TableEntry } from './entry';

/**
 * A connection to the discard port on loopback (refused at once, nothing leaves the machine); `upToDate` marks
 * every day imported, so pulling it asks the vendor nothing.
 */
async function connection(db: Db, uid: string, upToDate = false): Promise<string> {
  const { connection: c } = written(await createConnection(db, null, { source: 'openai', name: `Harness ${uid}`, baseUrl: 'http://127.0.0.1:9', organization: '', sealedCredential: sealSecret('sk-admin-harness', 'usage:openai') }));
  if (upToDate) await db.update(usageConnections).set({ lastImportedDate: '2999-12-31' }).where(eq(usageConnections.id, c.id));
  return String(c.id);
}

export const USAGE_CONNECTIONS: TableEntry[] = [
  {
    name: 'admin: connect a usage source',
    effect: { changes: ['usage_connections'], audit: 'usage.connect' },
    allowed: ADMIN,
    action: addConnectionAction,
    input: (fx) => ({ source: 'openai', name: `OpenAI ${fx.uid()}`, baseUrl: 'http://127.0.0.1:9', organization: '', credential: 'sk-admin-harness' }),
  },
  {
    name: 'admin: replace a usage credential',
    effect: { changes: ['usage_connections'], audit: 'usage.credential' },
    allowed: ADMIN,
    action: replaceCredentialAction,
    input: async (fx) => ({ connectionId: await connection(fx.db, fx.uid()), credential: 'sk-admin-rotated' }),
  },
  {
    name: 'admin: pull a usage connection now',
    effect: { changes: ['usage_connections'], audit: 'usage.pull' },
    allowed: ADMIN,
    action: pullNowAction,
    input: async (fx) => ({ connectionId: await connection(fx.db, fx.uid(), true) }),
    // A pull that fails is answered with its error and still recorded on the connection (last_error, the audit).
    mayWrite: ['usage_connections', 'audit_log'],
  },
  {
    name: 'admin: remove a usage connection',
    effect: { changes: ['usage_connections'], audit: 'usage.disconnect' },
    allowed: ADMIN,
    action: deleteConnectionAction,
    input: async (fx) => ({ connectionId: await connection(fx.db, fx.uid()) }),
  },
];
