import { UsageConnections, type ConnectionRow } from '@/components/admin/usage-connections';
import { getDb } from '@/db';
import { listConnections } from '@/db/queries/usage/connections';

/** The Connections card with its rows read for the page: the credential only as set or not. */
export async function ConnectionsSection() {
  const rows = await listConnections(await getDb());
  const connections: ConnectionRow[] = rows.map((c) => ({
    id: c.id,
    source: c.source,
    name: c.name,
    baseUrl: c.baseUrl,
    organization: c.organization,
    credentialSet: c.credentialSet,
    lastImportedDate: c.lastImportedDate,
    lastPulledAt: c.lastPulledAt ? c.lastPulledAt.toISOString() : null,
    lastError: c.lastError,
  }));
  return <UsageConnections connections={connections} />;
}
