/**
 * Fresh targets for the table entries of experiments, insights, models, backups and lock-outs: each call makes
 * its own row, so an accepted call (archive, re-test, mitigation) never uses up what the next caller needs.
 * Writes straight to the database (no audit), before the harness takes its fingerprint.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { backupJson } from '@/db/backup/create';
import { getRetestRadar } from '@/db/queries/insights/radar';
import { aiModels, capabilityOutcomes, checkins, experimentModels, experiments, loginAttempts, teams, techniques } from '@/db/schema';
import type { NewExperiment } from '@/db/schema';
import type { Db } from '@/db/types';
import { importTemplateCsv } from '@/lib/validation/experiment-import';
import type { Fixtures } from './security-harness';

export async function newExperiment(fx: Fixtures, teamId: number, extra: Partial<NewExperiment> = {}): Promise<number> {
  const [row] = await fx.db
    .insert(experiments)
    .values({ title: `Harness ${fx.uid()}`, teamId, ...extra })
    .returning({ id: experiments.id });
  return row.id;
}

export async function currentVersion(db: Db, id: number): Promise<string> {
  const [row] = await db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, id));
  return String(row.version);
}

export async function newOutcome(fx: Fixtures, experimentId: number): Promise<number> {
  const [row] = await fx.db
    .insert(capabilityOutcomes)
    .values({ experimentId, type: 'insight', description: 'Harness outcome', impact: 3, recordedOn: '2026-01-15' })
    .returning({ id: capabilityOutcomes.id });
  return row.id;
}

export async function newCheckin(fx: Fixtures, experimentId: number): Promise<number> {
  const [row] = await fx.db
    .insert(checkins)
    .values({ experimentId, date: '2026-01-20', hoursBeforePerTask: '2', hoursWithAiPerTask: '1', tasksPerMonth: '10', note: 'Harness check-in' })
    .returning({ id: checkins.id });
  return row.id;
}

export async function newTechnique(fx: Fixtures, experimentId: number): Promise<number> {
  const [row] = await fx.db
    .insert(techniques)
    .values({ experimentId, kind: 'prompt_pattern', title: 'Harness technique', promptText: 'Summarise {text}' })
    .returning({ id: techniques.id });
  return row.id;
}

/** A fresh team (with the "participants record" setting as given) and an experiment of it that `participant` ran. */
export async function participantExperiment(fx: Fixtures, participantEmail: string, participantsMayRecord = true): Promise<number> {
  const [team] = await fx.db.insert(teams).values({ name: `Harness team ${fx.uid()}`, participantsMayRecord }).returning({ id: teams.id });
  return newExperiment(fx, team.id, { participants: `Someone else\n${participantEmail}` });
}

export async function newModel(fx: Fixtures, dataPolicy: 'trains' | 'no_training' | 'unknown' = 'no_training'): Promise<{ id: number; slug: string }> {
  const slug = `harness-${fx.uid()}`;
  const [row] = await fx.db
    .insert(aiModels)
    .values({ slug, name: `Harness ${slug}`, vendor: 'OpenAI', releaseDate: '2025-01-01', dataPolicy })
    .returning({ id: aiModels.id });
  return { id: row.id, slug };
}

/** A confidential experiment using a model that trains on user data: an open privacy flag. */
export async function flaggedExperiment(fx: Fixtures, teamId: number): Promise<{ id: number; version: number }> {
  const id = await newExperiment(fx, teamId, { status: 'running', dataSensitivity: 'confidential', startDate: '2026-01-01' });
  const model = await newModel(fx, 'trains');
  await fx.db.insert(experimentModels).values({ experimentId: id, modelId: model.id, isPrimary: true });
  return { id, version: 1 };
}

/** A blocked, ended experiment that used no model: any later model with a score is a re-test candidate. */
export async function retestCandidate(fx: Fixtures, teamId: number): Promise<{ experimentId: number; modelId: number }> {
  const id = await newExperiment(fx, teamId, {
    status: 'abandoned',
    startDate: '2000-01-01',
    endDate: '2000-02-01',
    blockedByModel: true,
    blockerMissing: 'Could not keep track of the context.',
  });
  const item = (await getRetestRadar(fx.db, { teamIds: [teamId] })).find((r) => r.id === id);
  if (!item?.candidates.length) throw new Error('the harness re-test candidate has no candidate model');
  return { experimentId: id, modelId: item.candidates[0].id };
}

export async function teamName(db: Db, id: number): Promise<string> {
  const [row] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, id));
  return row.name;
}

/** The import template's example row, with a unique title, for `teamId`; the models it names must exist. */
export async function experimentImportCsv(fx: Fixtures, teamId: number): Promise<string> {
  const slugs = ['gpt-4o', 'claude-3.5-sonnet'];
  const known = await fx.db.select({ slug: aiModels.slug }).from(aiModels).where(and(inArray(aiModels.slug, slugs)));
  if (known.length !== slugs.length) throw new Error('the import template names models the catalog does not have');
  return importTemplateCsv()
    .replace('Draft first replies to support tickets', `Imported ${fx.uid()}`)
    .replace('Customer Support', await teamName(fx.db, teamId));
}

export const MODEL_IMPORT_HEADER =
  'slug,name,vendor,release_date,input_usd_per_mtok,output_usd_per_mtok,gpqa_diamond_pct,training_flop,reasoning,open_weights,trains_on_user_data_by_default,source_price,source_gpqa,source_flop';

export function modelImportCsv(fx: Fixtures): string {
  const slug = `imported-${fx.uid()}`;
  return `${MODEL_IMPORT_HEADER}\n${slug},Imported ${slug},OpenAI,2026-05-02,0.5,2,72,3e25,true,false,unknown,,,\n`;
}

/** A complete backup of the test database, as the download gives it (uncompressed JSON is accepted too). */
export async function backupFile(db: Db): Promise<Blob> {
  const parts: string[] = [];
  for await (const chunk of backupJson(db, 'harness')) parts.push(chunk);
  return new Blob([parts.join('')], { type: 'application/json' });
}

/** A fresh sign-in lock-out (5 failures of browsers without a device cookie on a new account), as /admin lists it. */
export async function lockOut(fx: Fixtures): Promise<{ purpose: string; account: string; client: string }> {
  const account = `locked.${fx.uid()}@harness.test`;
  await fx.db.insert(loginAttempts).values(Array.from({ length: 5 }, () => ({ purpose: 'sign-in' as const, email: account, client: 'unknown', outcome: 'failed' as const })));
  return { purpose: 'sign-in', account, client: 'unknown' };
}
