/**
 * Preparing a database: apply the committed migrations, then load the seed reports once, and
 * (as the owner, with an application role configured) re-apply that role's grants, db/roles.sql.
 * One function for `npm start`, the tests, the scripts and the client's first use alike.
 * No `server-only`: scripts and Vitest call it outside Next.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Sql } from 'postgres';
import type { Database, DatabaseHandle } from './index';
import { seedAll } from './seed';

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Apply the committed drizzle-kit migrations; the same folder serves both drivers. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await migratePostgres(handle.db, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}

export type PrepareStep = 'migrate' | 'seed' | 'grants';

/**
 * Migrate, then seed every report kept in the repository (idempotent), then, given the
 * application role (`appRole`, on PostgreSQL as the owner), re-apply its grants. Returns the
 * slugs loaded now (empty when they were there already). `onStep` lets `npm start` print progress.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  { onStep, appRole }: { onStep?: (step: PrepareStep, phase: 'start' | 'done', loaded?: string[]) => void; appRole?: string } = {},
): Promise<{ seeded: string[] }> {
  onStep?.('migrate', 'start');
  await migrateDatabase(handle);
  onStep?.('migrate', 'done');
  onStep?.('seed', 'start');
  const seeded = await seedAll(handle.db);
  onStep?.('seed', 'done', seeded);
  if (appRole) {
    onStep?.('grants', 'start');
    await grantAppRole(handle, appRole);
    onStep?.('grants', 'done');
  }
  return { seeded };
}

// ------------------------------------------------------------------ the application role

export const rolesFile = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'roles.sql');

/** Plain lower-case names only (lib/env.ts APP_ROLE_PATTERN), so quoting them is trivial. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A refusal worded for the operator (Vietnamese, then English). */
export class RoleError extends Error {
  override name = 'RoleError';
}

function postgresClient(handle: DatabaseHandle) {
  if (handle.kind !== 'postgres') {
    throw new RoleError('Vai trò cơ sở dữ liệu chỉ có trên PostgreSQL; PGlite chạy với quyền superuser (database roles need PostgreSQL; PGlite runs as a superuser).');
  }
  // drizzle(postgres(…)) keeps its client; the handle's type is the driver-neutral one.
  return (handle.db as Database & { $client: Sql }).$client;
}

function checkRoleName(role: string): void {
  if (!ROLE_NAME.test(role)) {
    throw new RoleError(`Tên vai trò không hợp lệ (invalid role name) “${role}”: chữ thường, số và _, bắt đầu bằng chữ hoặc _ (lower-case letters, digits and _).`);
  }
}

/**
 * Refuse an application role that would not keep the history safe: missing, the connected owner
 * itself, a superuser, a member of the owner (it would act with the owner's rights), the owner of
 * the database (it owns schema public through pg_database_owner and could drop it with the
 * history in it), or one that may create objects in schema public (DDL: PUBLIC has CREATE there
 * before PostgreSQL 15 unless an administrator revoked it).
 */
async function checkAppRole(handle: DatabaseHandle, role: string): Promise<void> {
  const client = postgresClient(handle);
  const [row] = await client<
    { exists: boolean; owner: string; isOwner: boolean; superuser: boolean; memberOfOwner: boolean; ownsDatabase: boolean; mayCreate: boolean }[]
  >`
    select r.oid is not null as exists, current_user as owner, r.rolname = current_user as "isOwner",
           coalesce(r.rolsuper, false) as superuser,
           coalesce(pg_has_role(r.oid, (select oid from pg_roles where rolname = current_user), 'USAGE'), false) as "memberOfOwner",
           coalesce(r.oid = (select datdba from pg_database where datname = current_database()), false) as "ownsDatabase",
           coalesce(r.oid is not null and has_schema_privilege(r.oid, 'public', 'CREATE'), false) as "mayCreate"
    from (select 1) one left join pg_roles r on r.rolname = ${role}`;
  if (!row?.exists) {
    throw new RoleError(
      `Vai trò ứng dụng “${role}” chưa có: chạy \`npm run db:roles -- --app-role ${role}\` (the application role does not exist yet: run npm run db:roles).`,
    );
  }
  if (row.isOwner || row.memberOfOwner) {
    throw new RoleError(
      `“${role}” là (hoặc hành động như) chủ sở hữu “${row.owner}”: vai trò ứng dụng phải là một vai trò khác (the application role is, or acts as, the owner: it must be another role).`,
    );
  }
  if (row.superuser) {
    throw new RoleError(`“${role}” là superuser, vượt qua mọi quyền (the application role is a superuser, which bypasses every privilege).`);
  }
  if (row.ownsDatabase) {
    throw new RoleError(
      `“${role}” sở hữu cơ sở dữ liệu này, nên có thể xoá cả schema public cùng lịch sử trong đó (the application role owns the database, so it could drop schema public with the history in it): hãy để chủ sở hữu (MIGRATION_DATABASE_URL) sở hữu cơ sở dữ liệu.`,
    );
  }
  if (row.mayCreate) {
    throw new RoleError(
      `“${role}” được tạo đối tượng trong schema public (may create objects in schema public): chạy \`REVOKE CREATE ON SCHEMA public FROM PUBLIC\` (và từ vai trò này) với quyền chủ schema, như mặc định của PostgreSQL 15.`,
    );
  }
}

/** db/roles.sql with its psql variables (`:"app_role"`, `:'app_role'`) filled in. */
export function rolesSql(role: string): string {
  checkRoleName(role);
  return fs.readFileSync(rolesFile, 'utf8').replaceAll(':"app_role"', `"${role}"`).replaceAll(":'app_role'", `'${role}'`);
}

/** Arbitrary but fixed: two servers preparing at once would otherwise collide on the same grants. */
const GRANTS_LOCK = 0x6b716e6b_0001;

/** Apply db/roles.sql for `role` as the connected owner, in one transaction. */
export async function grantAppRole(handle: DatabaseHandle, role: string): Promise<void> {
  checkRoleName(role);
  const client = postgresClient(handle);
  await checkAppRole(handle, role);
  const text = rolesSql(role);
  await client.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${GRANTS_LOCK}::bigint)`;
    await tx.unsafe(text);
  });
}

/**
 * Create the application role (LOGIN, nothing else) if it does not exist, or set its password;
 * refuse one that exists and would not be safe (checkAppRole). Needs CREATEROLE; no grants here.
 * Returns whether the role was created now.
 */
export async function createAppRole(handle: DatabaseHandle, { role, password }: { role: string; password?: string }): Promise<{ created: boolean }> {
  checkRoleName(role);
  const client = postgresClient(handle);
  const [found] = await client`select 1 from pg_roles where rolname = ${role}`;
  let created = false;
  if (!found) {
    try {
      await client.unsafe(`CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
      created = true;
    } catch (error) {
      // Another preparation created it a moment ago: go on with the existing one.
      if ((error as { code?: string }).code !== '42710') throw error;
    }
  }
  await checkAppRole(handle, role);
  // PostgreSQL quotes the password itself (format %L); a utility statement takes no parameters.
  const [statement] = await client<{ text: string }[]>`select format('ALTER ROLE %I LOGIN' || case when ${password ?? null}::text is null then '' else ' PASSWORD %L' end, ${role}::text, ${password ?? null}::text) as text`;
  await client.unsafe(statement!.text);
  return { created };
}
