// The lock order of every write (db/derived/README.md): the data_version row first, then the rows the
// transaction changes. Proof on PostgreSQL (PGlite runs one transaction at a time): while another
// transaction holds the version row, each write path waits without having locked any row it will
// change, so a third transaction can still lock those rows at once (NOWAIT).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { deleteOutcome } from '@/db/queries/experiments/children';
import { setArchived, updateExperiment } from '@/db/queries/experiments/write';
import { updateModel, upsertBenchmarkScore } from '@/db/queries/models/writes';
import { aiModels, teamMembers, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { experimentSchema } from '@/lib/validation/experiment';
import { DB_KINDS, openTestDb, type TestDb } from './helpers/db';

type Target = { id: number; version: number; outcome: number; model: number };

async function target(db: Db): Promise<Target> {
  const [row] = await rawRows<Target>(
    db,
    sql`select e.id, e.version, min(o.id)::int as outcome, min(em.model_id)::int as model from experiments e
      join capability_outcomes o on o.experiment_id = e.id join experiment_models em on em.experiment_id = e.id
      where e.archived_at is null and e.blocker_benchmark = 'gpqa_diamond' group by e.id order by e.id limit 1`,
  );
  return row;
}

const settledWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true, () => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

for (const kind of DB_KINDS.filter((k) => k === 'postgres')) {
  describe(`every write path takes data_version before its rows [${kind}]`, () => {
    let t: TestDb;
    let admin: SessionUser;
    beforeAll(async () => {
      t = await openTestDb(kind, { demo: true, today: '2026-11-28' });
      const [u] = await t.db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, 'admin@uplift.demo'));
      const m = await t.db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
      admin = { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    const actor = () => ({ id: admin.id, email: admin.email });
    const paths: [string, (db: Db, x: Target) => Promise<unknown>][] = [
      ['an experiment edit', (db, x) => updateExperiment(db, admin, x.id, x.version, experimentSchema.parse({ title: 'Edited while waiting' }))],
      ['an archive', (db, x) => setArchived(db, admin, x.id, true)],
      ['an outcome delete', (db, x) => deleteOutcome(db, admin, x.id, x.outcome)],
      ['a benchmark score', (db, x) => db.transaction((tx) => upsertBenchmarkScore(tx, actor(), { modelId: x.model, benchmark: 'gpqa_diamond', score: 99.5 }, 'test'))],
      [
        'a model’s new vendor',
        async (db, x) => {
          const [m] = await db.select().from(aiModels).where(eq(aiModels.id, x.model));
          const fields = { slug: m.slug, name: m.name, vendor: `${m.vendor} (moved)`, releaseDate: m.releaseDate, reasoning: m.reasoning, openWeights: m.openWeights, dataPolicy: m.dataPolicy };
          return db.transaction((tx) => updateModel(tx, actor(), x.model, fields, 'test'));
        },
      ],
    ];

    for (const [name, write] of paths) {
      it(`${name} waits for the version row before locking the experiment, its outcome or its model`, async () => {
        const x = await target(t.db);
        let holding!: () => void;
        let release!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        const released = new Promise<void>((resolve) => (release = resolve));
        const holder = t.ownerDb.transaction(async (tx) => {
          await tx.execute(sql`select data_version_lock()`);
          holding();
          await released;
        });
        await held;
        const writing = write(t.db, x);
        try {
          expect(await settledWithin(writing, 400)).toBe(false); // waiting for the version row
          await t.db.transaction(async (tx) => {
            await tx.execute(sql`select id from experiments where id = ${x.id} for update nowait`);
            await tx.execute(sql`select id from capability_outcomes where id = ${x.outcome} for update nowait`);
            await tx.execute(sql`select id from ai_models where id = ${x.model} for update nowait`);
          });
        } finally {
          release();
          await holder;
        }
        const done = { 'a benchmark score': { ok: true, modelId: x.model }, 'a model’s new vendor': { ok: true, id: x.model } }[name] ?? { ok: true };
        expect(await writing).toMatchObject(done);
      });
    }
  });
}
