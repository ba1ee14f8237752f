// The two PostgreSQL roles the tests and the end-to-end server connect as, the way an installation
// should: an owner that runs the migrations (and restores) and an ordinary role the app runs as.
// Created on first use when the given URL is a superuser's; `.ci/run` creates them up front with
// `tsx scripts/test-roles.ts <superuser url>`. They log in without a password: the test server trusts
// local connections.
import postgres from 'postgres';

export const TEST_OWNER_ROLE = 'uplift_test_owner';
export const TEST_APP_ROLE = 'uplift_test_app';

/** Idempotent, and safe when several test workers run it at once. */
export const CREATE_TEST_ROLES_SQL = [TEST_OWNER_ROLE, TEST_APP_ROLE]
  .map(
    (role) => `do $$ begin
  create role ${role} login nosuperuser nocreatedb nocreaterole;
exception when duplicate_object or unique_violation then null;
end $$;`,
  )
  .join('\n');

/** `url` as another role (no password) and, when given, on another database. */
export function asRole(url: string, role: string, database?: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/** Makes sure both roles exist, creating them when `adminUrl` is a superuser's. */
export async function ensureTestRoles(adminUrl: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const existing = await sql`select rolname from pg_roles where rolname in (${TEST_OWNER_ROLE}, ${TEST_APP_ROLE})`;
    if (existing.length === 2) return;
    const [me] = await sql<{ name: string; super: boolean }[]>`select current_user as name, rolsuper as super from pg_roles where rolname = current_user`;
    if (!me.super)
      throw new Error(
        `The PostgreSQL roles ${TEST_OWNER_ROLE} and ${TEST_APP_ROLE} are missing and ${me.name} may not create them. As a superuser, run:\n${CREATE_TEST_ROLES_SQL}`,
      );
    await sql.unsafe(CREATE_TEST_ROLES_SQL);
  } finally {
    await sql.end();
  }
}

if (process.argv[1]?.endsWith('test-roles.ts')) {
  const url = process.argv[2];
  if (!url) {
    console.error('Usage: tsx scripts/test-roles.ts <superuser postgres url>');
    process.exit(1);
  }
  ensureTestRoles(url)
    .then(() => console.log(`PostgreSQL roles ${TEST_OWNER_ROLE} and ${TEST_APP_ROLE} are ready.`))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
