// GET /api/health – liveness and database check for load balancers (no authentication, no data).
import { sql } from 'drizzle-orm';
import { getHandle } from '@/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const { db, kind } = await getHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', database: kind }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'error', database: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
