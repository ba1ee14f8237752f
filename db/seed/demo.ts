import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { NO_REASONING, supportedEfforts, VENDOR_DEFAULT } from '@/lib/catalog/model-efforts';
import {
  account,
  aiModels,
  auditLog,
  capabilityOutcomes,
  checkins,
  experimentModels,
  experiments,
  modelPrices,
  orgSettings,
  teamMembers,
  teams,
  user,
} from '../schema';
import { modelEffortFacts } from '../queries/models/efforts';
import type { Db } from '../types';
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, type DemoTeamKey } from './demo-org';
import { seedDemoUsage } from './demo-usage';
import { seedDemoPlaybook } from './demo-playbook';
import { addDays, isoDay, planExperiment, type CatalogModel, type PlannedExperiment } from './demo-experiments';
import { DEMO_TEMPLATES } from './demo-templates';
import { createRandom, type Random } from './random';

export const DEMO_EXPERIMENT_COUNT = 90;

/** Creates a user with a password credential the way better-auth stores it. */
export async function insertUserWithPassword(
  db: Db,
  u: { id: string; email: string; name: string; role: 'admin' | 'lead' | 'executive'; passwordHash: string },
) {
  await db.insert(user).values({ id: u.id, email: u.email, name: u.name, role: u.role, emailVerified: true });
  await db.insert(account).values({
    id: `acc_${u.id}`,
    accountId: u.id,
    providerId: 'credential',
    userId: u.id,
    password: u.passwordHash,
  });
}

/**
 * Loads the demo organisation (deterministic: same content every time, dates relative to `today`).
 * Runs in one transaction: a failure leaves the database as it was.
 */
export async function seedDemo(db: Db, today = isoDay(new Date())): Promise<{ experiments: number; users: number }> {
  const rng = createRandom(20241114);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.update(orgSettings).set({ name: 'Northwind Group (demo)', currency: 'USD', timeZone: 'Europe/London', fiscalYearStartMonth: 4 });
    const teamRows = await tx
      .insert(teams)
      .values(DEMO_TEAMS.map((t) => ({ name: t.name, function: t.function })))
      .returning({ id: teams.id, name: teams.name });
    const teamId = Object.fromEntries(DEMO_TEAMS.map((t) => [t.key, teamRows.find((r) => r.name === t.name)!.id]));

    for (const [i, u] of DEMO_USERS.entries()) {
      const id = `demo_${String(i + 1).padStart(2, '0')}`;
      await insertUserWithPassword(tx, { id, email: u.email, name: u.name, role: u.role, passwordHash });
      const memberships = [
        ...(u.leads ?? []).map((k) => ({ teamId: teamId[k], userId: id, teamRole: 'lead' as const })),
        ...(u.memberOf ?? []).map((k) => ({ teamId: teamId[k], userId: id, teamRole: 'member' as const })),
      ];
      if (memberships.length) await tx.insert(teamMembers).values(memberships);
    }
    const members = await tx.select().from(teamMembers);
    const userNames = new Map(DEMO_USERS.map((u, i) => [`demo_${String(i + 1).padStart(2, '0')}`, u.name]));

    const pricedIds = new Set((await tx.selectDistinct({ id: modelPrices.modelId }).from(modelPrices)).map((r) => r.id));
    const models = await tx.select({ id: aiModels.id, slug: aiModels.slug, vendor: aiModels.vendor, releaseDate: aiModels.releaseDate, reasoning: aiModels.reasoning }).from(aiModels);
    const facts = await modelEffortFacts(tx, models.map((m) => m.id));
    const catalog: CatalogModel[] = models.map((m) => ({ ...m, hasPrice: pricedIds.has(m.id), efforts: supportedEfforts(m, facts.get(m.id)?.listed ?? []) }));

    for (let index = 0; index < DEMO_EXPERIMENT_COUNT; index++) {
      const template = DEMO_TEMPLATES[index % DEMO_TEMPLATES.length];
      const plan = planExperiment(rng, index, template, catalog, today);
      const team = teamId[template.team];
      const teamPeople = members.filter((m) => m.teamId === team);
      const owner = teamPeople.find((m) => m.teamRole === 'lead') ?? teamPeople[0];
      await insertExperiment(tx, rng, plan, team, owner.userId, teamPeople.map((m) => userNames.get(m.userId)!), today);
    }
    await seedDemoUsage(tx, teamId as Record<DemoTeamKey, number>, today);
    await seedDemoPlaybook(tx);
    await tx.insert(auditLog).values({ action: 'seed:demo', entityType: 'system', after: { experiments: DEMO_EXPERIMENT_COUNT } });
  });
  return { experiments: DEMO_EXPERIMENT_COUNT, users: DEMO_USERS.length };
}

const jitter = (rng: Random, v: number) => Math.max(0, rng.round(v * (0.8 + rng.next() * 0.4), v >= 10 ? 1 : 0.05));

async function insertExperiment(
  tx: Db,
  rng: Random,
  plan: PlannedExperiment,
  teamId: number,
  ownerId: string,
  people: string[],
  today: string,
) {
  const t = plan.template;
  const [before, withAi, perMonth] = t.efficiency;
  const hasFigures = plan.status !== 'proposed';
  const hoursBefore = jitter(rng, before);
  const hoursWithAi = Math.min(hoursBefore, jitter(rng, withAi));
  const tasks = jitter(rng, perMonth);
  const spendMonthly = rng.int(2, 120) * 1000; // $20 – $1,200 a month
  const participants = people.slice(0, rng.int(1, Math.max(1, people.length)));
  const blocked = plan.special.blocked;
  // Drawn as before (keeps the demo's other draws), but only a reasoning model can have reasoned.
  const triedReasoning = rng.chance(0.3);
  const effortOf = (m: CatalogModel) => demoEffort(m, triedReasoning);
  const [row] = await tx
    .insert(experiments)
    .values({
      title: plan.title,
      teamId,
      ownerId,
      createdBy: ownerId,
      description: t.description,
      hypothesis: `If we use AI for "${t.title.toLowerCase()}", then ${plan.mindset === 'new_capability' ? 'we can do something we could not do before' : 'the work gets faster without losing quality'}.`,
      workType: t.workType,
      mindset: plan.mindset,
      status: plan.status,
      startDate: plan.startDate,
      endDate: plan.endDate,
      reasoningUsed: effortOf(plan.primary) !== NO_REASONING || (plan.compared != null && effortOf(plan.compared) !== NO_REASONING),
      dataSensitivity: plan.sensitivity,
      participants: participants.join('\n'),
      participantCount: participants.length + rng.int(0, 6),
      hoursBeforePerTask: hasFigures ? hoursBefore.toFixed(2) : null,
      hoursWithAiPerTask: hasFigures ? hoursWithAi.toFixed(2) : null,
      tasksPerMonth: hasFigures ? tasks.toFixed(2) : null,
      spendMonthlyCents: hasFigures ? spendMonthly : null,
      spendOneOffCents: hasFigures && rng.chance(0.3) ? rng.int(5, 80) * 10000 : null,
      spendOneOffDate: plan.startDate,
      qualityBefore: hasFigures ? rng.int(2, 3) : null,
      qualityAfter: hasFigures ? rng.int(3, 5) : null,
      blockedByModel: Boolean(blocked),
      blockerMissing: blocked?.missing ?? '',
      blockerBenchmark: blocked?.benchmark ?? 'gpqa_diamond',
      blockerMinScore: blocked?.minScore ?? null,
      blockerMaxPriceUsd: blocked?.maxPrice ?? null,
      learnings: plan.status === 'completed' || plan.status === 'abandoned' ? t.learning : '',
      conclusion: plan.conclusion,
      createdAt: new Date(`${plan.startDate ?? today}T09:00:00Z`),
    })
    .returning({ id: experiments.id });
  const id = row.id;
  await tx.insert(experimentModels).values([
    { experimentId: id, modelId: plan.primary.id, isPrimary: true, effort: effortOf(plan.primary) },
    ...(plan.compared ? [{ experimentId: id, modelId: plan.compared.id, isPrimary: false, effort: effortOf(plan.compared) }] : []),
  ]);

  const outcomeDate = plan.endDate ?? (plan.startDate ? addDays(plan.startDate, 20) : null);
  const outcomes =
    plan.status === 'completed'
      ? t.outcomes
      : plan.status === 'running' && outcomeDate && outcomeDate <= today && rng.chance(0.5)
        ? t.outcomes.slice(0, 1)
        : [];
  if (outcomes.length && outcomeDate) {
    await tx.insert(capabilityOutcomes).values(
      outcomes.map(([type, description]) => ({
        experimentId: id,
        type,
        description,
        impact: rng.int(plan.mindset === 'new_capability' ? 3 : 2, 5),
        evidence: rng.chance(0.5) ? `https://intranet.example/reports/${id}` : 'Reviewed at the team retrospective.',
        recordedOn: outcomeDate,
      })),
    );
  }

  if (plan.startDate && (plan.status === 'running' || plan.status === 'completed')) {
    const last = plan.endDate ?? today;
    const rows = [];
    for (let k = 1; k <= 3; k++) {
      const date = addDays(plan.startDate, 30 * k);
      if (date > last) break;
      rows.push({
        experimentId: id,
        date,
        hoursBeforePerTask: hoursBefore.toFixed(2),
        hoursWithAiPerTask: Math.min(hoursBefore, hoursWithAi * (1 + 0.1 * (3 - k))).toFixed(2),
        tasksPerMonth: tasks.toFixed(2),
        spendMonthlyCents: spendMonthly,
        qualityAfter: rng.int(3, 5),
        ...demoUsage(tasks, effortOf(plan.primary)),
        usageModelId: plan.primary.id,
        usageEffort: effortOf(plan.primary),
        note: k === 1 ? 'First month: the team is still learning the prompts.' : 'Usage is steady; figures updated.',
        createdBy: ownerId,
      });
    }
    if (rows.length) await tx.insert(checkins).values(rows);
  }
  await tx.insert(auditLog).values({
    actorId: ownerId,
    action: 'experiment.create',
    entityType: 'experiment',
    entityId: String(id),
    after: { title: plan.title, status: plan.status },
    at: new Date(`${plan.startDate ?? today}T09:00:00Z`),
  });
}

/** A reasoning model ran at 'high' when the team tried reasoning (its default if the catalog lists no 'high'); others at none. */
function demoEffort(m: CatalogModel, triedReasoning: boolean): string {
  if (!m.reasoning) return NO_REASONING;
  return triedReasoning && m.efforts.includes('high') ? 'high' : VENDOR_DEFAULT;
}

/** A month's usage, without new random draws: reasoning multiplies output tokens (they include the thinking). */
function demoUsage(tasksPerMonth: number, effort: string) {
  const tasksDone = Math.max(1, Math.round(tasksPerMonth));
  const outputPerTask = effort === NO_REASONING ? 800 : effort === 'high' ? 12_000 : 5_000;
  return { tasksDone, inputTokens: tasksDone * 6_000, outputTokens: tasksDone * outputPerTask };
}

export async function hasAnyExperiments(db: Db): Promise<boolean> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(experiments);
  return r.n > 0;
}
