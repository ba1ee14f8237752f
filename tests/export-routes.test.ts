import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { teamMembers, user } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/permissions';
import type { Db } from '@/db/types';
import { describeEachDb } from './helpers/db';

// The route handlers run as in the server, with the signed-in user and the database swapped for the test's.
const current: { user: SessionUser | null; db?: Db } = { user: null };
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => current.user }));
vi.mock('@/db', () => ({ getDb: async () => current.db, getHandle: async () => ({ db: current.db, kind: 'pglite' }) }));

const { GET: exportGet } = await import('@/app/api/export/experiments/route');
const { GET: reportGet } = await import('@/app/api/reports/executive/route');
const { GET: backupGet } = await import('@/app/api/admin/backup/route');

const req = (path: string) => new Request(`http://test.local${path}`);
const csvRows = async (res: Response) => Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const teams = await db.select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole }).from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: teams.map((t) => t.teamId), leadTeamIds: teams.filter((t) => t.teamRole === 'lead').map((t) => t.teamId) };
}

describeEachDb(
  'export routes',
  (ctx) => {
    beforeAll(() => {
      current.db = ctx.db;
    });

    it('refuse a signed-out caller', async () => {
      current.user = null;
      expect((await exportGet(req('/api/export/experiments?format=csv'))).status).toBe(401);
      expect((await reportGet(req('/api/reports/executive?format=pdf'))).status).toBe(401);
      expect((await backupGet()).status).toBe(401);
    });

    it('stream a filtered CSV as a dated, uncached attachment', async () => {
      current.user = await sessionUser(ctx.db, 'exec@uplift.demo');
      const res = await exportGet(req('/api/export/experiments?format=csv&status=running'));
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="uplift-experiments-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = await csvRows(res);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(['Running']));
      expect(new Set(rows.map((r) => r['Status code']))).toEqual(new Set(['running']));
      expect((await exportGet(req('/api/export/experiments?format=doc'))).status).toBe(400);
    });

    it('write the file in the requester’s language: their choice, else the browser’s', async () => {
      const exec = await sessionUser(ctx.db, 'exec@uplift.demo');
      current.user = exec;
      const korean = new Request('http://test.local/api/export/experiments?format=csv&status=running', { headers: { 'accept-language': 'ko-KR,ko;q=0.9' } });
      const rows = await csvRows(await exportGet(korean));
      expect(new Set(rows.map((r) => r['상태']))).toEqual(new Set(['진행 중']));
      expect(new Set(rows.map((r) => r['상태 코드']))).toEqual(new Set(['running']));
      current.user = { ...exec, locale: 'en' };
      expect(Object.keys((await csvRows(await exportGet(korean)))[0])).toContain('Status');
    });

    it("give a lead their own teams only, whatever the URL asks", async () => {
      const lead = await sessionUser(ctx.db, 'lead@uplift.demo');
      current.user = lead;
      const rows = await csvRows(await exportGet(req('/api/export/experiments?format=csv&team=1,2,3,4,5,6,7&archived=include')));
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.Team)).size).toBe(1);
    });

    it('serve the executive PDF to an executive, and the backup to admins only', async () => {
      current.user = await sessionUser(ctx.db, 'exec@uplift.demo');
      const pdf = await reportGet(req('/api/reports/executive?format=pdf&paper=letter'));
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      expect((await backupGet()).status).toBe(403);

      current.user = await sessionUser(ctx.db, 'admin@uplift.demo');
      const backup = await backupGet();
      expect(backup.status).toBe(200);
      expect(backup.headers.get('Content-Disposition')).toMatch(/uplift-backup-\d{4}-\d{2}-\d{2}\.json\.gz/);
      const { gunzipSync } = await import('node:zlib');
      const json = JSON.parse(gunzipSync(Buffer.from(await backup.arrayBuffer())).toString('utf8'));
      expect(json.format).toBe('uplift-backup');
      expect(json.tables.experiments.length).toBeGreaterThan(50);
    });
  },
  { demo: true },
);
