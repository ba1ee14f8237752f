// PostgreSQL with two roles: migrations run as the role that owns the schema
// (UPLIFT_MIGRATE_DATABASE_URL), the app as an ordinary role of its own (DATABASE_URL) holding only
// the privileges below. A table's owner may switch its triggers off, so the app must own no table:
// only then is the audit trail's append-only rule out of the app's reach.
//
// The grants are re-applied after every migration run (not ALTER DEFAULT PRIVILEGES in a migration):
// the app role's name comes from the configuration, the migrations are shared with PGlite, and a
// re-applied grant also covers tables added later and undoes any hand-made grant in between.
import { sql } from 'drizzle-orm';
import { ident, rawRows } from './sql';
import { ConfigError } from './config';
import type { Db, Queryable } from './types';

/** Tables the app may read and append to, never change. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;

/** Tables only the database's triggers write (their functions run with the owner's rights: db/derived/). */
export const DERIVED_TABLES = ['model_usage', 'model_best_scores', 'insights_rollup', 'usage_rollup', 'usage_rollup_month', 'data_version'] as const;

/** Every other table in the schema: the app reads and writes it (no TRUNCATE, no ownership). */
export const APP_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

export async function connectedRole(db: Queryable): Promise<{ role: string; database: string }> {
  const [row] = await rawRows<{ role: string; database: string }>(db, sql`select current_user as role, current_database() as database`);
  return row;
}

/** The tables whose owner's rights `role` has: as their owner, a member of their owner, or a superuser. */
export async function tablesRoleCanAlter(db: Queryable, role: string): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(${role}, c.relowner, 'USAGE')
        order by 1`,
  );
  return rows.map((r) => r.name);
}

/** One sentence on why `appRole` could switch the protections off, and what to do about it. */
async function whyRefused(db: Queryable, appRole: string, owner: string, alterable: string[]): Promise<string> {
  const [facts] = await rawRows<{ superuser: boolean; owns: boolean }>(
    db,
    sql`select r.rolsuper as superuser, exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relowner = r.oid) as owns
        from pg_roles r where r.rolname = ${appRole}`,
  );
  const some = alterable.length > 3 ? `${alterable.slice(0, 3).join(', ')} and ${alterable.length - 3} more` : alterable.join(', ');
  const start = `DATABASE_URL connects as "${appRole}", which has the owner's rights on ${some}, so it could switch the audit trail's protection off: `;
  if (facts.superuser) return `${start}it is a superuser. Connect the app as an ordinary role (README, Production on PostgreSQL).`;
  if (facts.owns) return `${start}it owns tables. Give them to the migration role, as a superuser: REASSIGN OWNED BY "${appRole}" TO "${owner}";`;
  return `${start}it is a member of their owner. Revoke that membership, or connect the app as another role.`;
}

/**
 * Gives the app role exactly the privileges it needs (see the lists above), after refusing an app role
 * that could switch the protections off. Runs on the migration connection; does nothing when the app
 * connects as the same role.
 */
export async function grantAppRole(db: Db, appRole: string): Promise<void> {
  const { role: owner } = await connectedRole(db);
  if (appRole === owner) return;
  const alterable = await tablesRoleCanAlter(db, appRole);
  if (alterable.length) throw new ConfigError(await whyRefused(db, appRole, owner, alterable));
  const role = ident(appRole);
  const tables = (names: readonly string[]) => sql.raw(names.map((n) => `"${n}"`).join(', '));
  await db.transaction(async (tx) => {
    for (const statement of [
      sql`revoke all on all tables in schema public from ${role}`,
      sql`revoke all on all sequences in schema public from ${role}`,
      sql`grant usage on schema public to ${role}`,
      sql`grant ${sql.raw(APP_TABLE_PRIVILEGES.join(', '))} on all tables in schema public to ${role}`,
      sql`revoke insert, update, delete on ${tables(DERIVED_TABLES)} from ${role}`,
      sql`revoke update, delete on ${tables(APPEND_ONLY_TABLES)} from ${role}`,
      sql`grant usage on all sequences in schema public to ${role}`,
    ])
      await tx.execute(statement);
  });
}
