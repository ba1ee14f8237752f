// The summary triggers join a statement's old and new rows. PostgreSQL keeps a trigger statement's plan for the
// rest of the session, so a plan made for a one-row edit was reused for the next bulk statement on that
// connection: a nested loop over every old × new row, quadratic in the rows. And outcomes once followed a moved
// experiment with one statement per row. db/derived/ runs those joins through EXECUTE (planned per statement) and
// moves outcomes once per statement. This proves that bulk statements after one-row edits on the same connection
// grow linearly: the same statements on four times the rows take about four times as long (a quadratic plan takes
// sixteen), a ratio that holds on a loaded machine where a fixed time limit does not. It also checks the summaries.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import type { Db } from '@/db/types';
import { describeEachDb } from './helpers/db';


/** Times the bulk statements over `rows` fresh experiments after one-row edits, and checks what the summaries hold. */
async function bulkRound(db: Db, tag: string, rows: number): Promise<number> {
  let took = 0;
  await db.transaction(async (tx) => {
    const exec = (q: string) => tx.execute(sql.raw(q));
    const teamsOf = `(select min(id) from teams where name like '${tag} %')`;
    const otherTeam = `(select max(id) from teams where name like '${tag} %')`;
    const mine = `title like '${tag}-%'`;
    await exec(`insert into teams (name) values ('${tag} A'), ('${tag} B')`);
    await exec(`insert into ai_models (slug, name, vendor, release_date) values ('t-${tag}', '${tag} model', 'Acme', '2025-01-01')`);
    await exec(`insert into experiments (title, team_id, status, start_date) select '${tag}-' || g, ${teamsOf}, 'running', '2026-01-01' from generate_series(1, ${rows}) g`);
    const first = `(select min(id) from experiments where ${mine})`;
    // One-row statements first: each trigger plans its joins for a one-row transition table.
    await exec(`update experiments set mindset = 'new_capability' where id = ${first}`);
    await exec(`insert into experiment_models (experiment_id, model_id, is_primary) select ${first}, id, true from ai_models where slug = 't-${tag}'`);
    await exec(`update ai_models set vendor = '${tag} Two' where slug = 't-${tag}'`);
    await exec(`insert into capability_outcomes (experiment_id, type, description, impact, recorded_on) select ${first}, 'synthesis', '${tag} one', 2, '2026-02-01'`);
    await exec(`update capability_outcomes set experiment_id = ${first} + 1 where description = '${tag} one'`);
    // Then the bulk ones, on the same connection (the transaction holds it), timed together.
    const started = performance.now();
    await exec(`insert into capability_outcomes (experiment_id, type, description, impact, recorded_on) select id, 'synthesis', '${tag} bulk', 2, '2026-02-01' from experiments where ${mine}`);
    // Moves every experiment (and so every outcome) to the other team.
    await exec(`update experiments set mindset = 'accelerate', team_id = ${otherTeam} where ${mine}`);
    await exec(`insert into experiment_models (experiment_id, model_id, is_primary) select e.id, m.id, true from experiments e, ai_models m where m.slug = 't-${tag}' and e.${mine} and e.id <> ${first}`);
    await exec(`update ai_models set vendor = '${tag} Three' where slug = 't-${tag}'`);
    await exec(`update capability_outcomes set experiment_id = experiment_id + 0, impact = 3 where description = '${tag} bulk'`);
    took = performance.now() - started;

    const [summary] = await rawRows<{ vendor: string; experiments: number; usage: number; outcomes: number; moved: number }>(
      tx as unknown as Db,
      sql.raw(`select (select string_agg(distinct r.vendor, ',') from insights_rollup r where r.team_id = ${otherTeam}) as vendor,
        (select sum(experiments)::int from insights_rollup where mindset = 'accelerate' and team_id = ${otherTeam}) as experiments,
        (select sum(u.experiments)::int from model_usage u join ai_models m on m.id = u.model_id where m.slug = 't-${tag}') as usage,
        (select sum(outcome_count)::int from experiments where ${mine}) as outcomes,
        (select count(*)::int from capability_outcomes where team_id = ${otherTeam}) as moved`),
    );
    expect(summary).toEqual({ vendor: `${tag} Three`, experiments: rows, usage: rows, outcomes: rows + 1, moved: rows + 1 });
  });
  return took;
}

describeEachDb('bulk statements after one-row edits on the same connection', (ctx) => {
  it('grow linearly with the rows (4× the rows, well under 16× the time) and leave the summaries right', { timeout: 180_000 }, async () => {
    const small = await bulkRound(ctx.db, 'Bulk5k', 5_000);
    const large = await bulkRound(ctx.db, 'Bulk20k', 20_000);
    // Linear: about 4× (fixed costs make it less); quadratic: about 16×. 8× splits them with room for noise.
    expect(large / small).toBeLessThan(8);
  });
});
