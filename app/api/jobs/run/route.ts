// POST /api/jobs/run {"job": "<name>"} – runs a job now for `npm run jobs` (signed with the app secret, no session).
import { getDb } from '@/db';
import { authSecret } from '@/lib/auth/secret';
import { SIGNATURE_HEADER, verifyJobRequest } from '@/lib/jobs/command-auth';
import { runJob } from '@/lib/jobs/runner';

export async function POST(request: Request) {
  const body = (await request.json().catch(() => null)) as { job?: unknown } | null;
  const job = typeof body?.job === 'string' ? body.job.slice(0, 100) : '';
  if (!verifyJobRequest(authSecret(), job, request.headers.get(SIGNATURE_HEADER))) {
    return Response.json({ error: 'Only `npm run jobs` with this server\'s secret may run jobs.' }, { status: 401 });
  }
  const result = await runJob(await getDb(), job, 'command');
  return Response.json(result, { status: result.ran || result.reason !== 'unknown' ? 200 : 404 });
}
