import { UsageConnections, type ConnectionRow } from '@/components/admin/usage-connections';
import { getDb } from '@/db';
import { listConnections } from '@/db/queries/usage/connections';

/** The Connections card with its rows read for the page: the credential only as set or not. */
export async function ConnectionsSection() {
  const rows = await listConnections(await getDb());
  // Who created it and when stay on the server; the time of the last pull crosses as text.
  const connections: ConnectionRow[] = rows.map(({ createdBy: _by, createdAt: _at, lastPulledAt, ...c }) => ({ ...c, lastPulledAt: lastPulledAt?.toISOString() ?? null }));
  return <UsageConnections connections={connections} />;
}
