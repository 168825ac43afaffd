-- The application role's privileges: what the web server (DATABASE_URL) may do, and nothing more.
--
-- Run as the OWNER of the tables (MIGRATION_DATABASE_URL), after the migrations. `npm run db:roles`
-- runs it once the role exists, and every preparation as the owner runs it again (db/prepare.ts,
-- `grantAppRole`), so a later migration cannot leave the role with more, or less, than this.
-- Idempotent. By hand: psql "$MIGRATION_DATABASE_URL" -1 -v app_role=kqnk_app -f db/roles.sql
--
-- The application role owns nothing, so it can run no DDL: no CREATE in schema public (PostgreSQL
-- 15 grants it to nobody), and ALTER TABLE … DISABLE TRIGGER or DROP TRIGGER is for the owner only.
-- On revisions it may only read and append; the triggers of migration 0002 refuse UPDATE, DELETE
-- and TRUNCATE even to the owner.
--
-- Every table of schema public is named below (tests/db/roles.test.ts checks it): a migration that
-- adds a table adds a line here with what the application does to it.

SELECT set_config('kqnk.app_role', :'app_role', true);

-- Tables created later by the owner (the next migrations) are usable at once; the lines below
-- then narrow each known table to what the application does with it.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO :"app_role";

-- PUBLIC has CONNECT and USAGE on schema public by default; grant them only where a hardened
-- server revoked them (granting needs ownership, which the owner of the tables may not have).
DO $$
DECLARE app text := current_setting('kqnk.app_role');
BEGIN
  IF NOT has_database_privilege(app, current_database(), 'CONNECT') THEN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
  END IF;
  IF NOT has_schema_privilege(app, 'public', 'USAGE') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  END IF;
END
$$;

-- The history: read and append, never change or remove (db/history.ts appendRevision).
REVOKE ALL ON revisions FROM :"app_role";
GRANT SELECT, INSERT ON revisions TO :"app_role";

-- The report as imported: read only (db/seed runs as the owner).
REVOKE ALL ON reports, entities FROM :"app_role";
GRANT SELECT ON reports, entities TO :"app_role";

-- Sections are edited, never created or deleted by staff (db/queries/edits.ts sectionItem).
REVOKE ALL ON sections FROM :"app_role";
GRANT SELECT, UPDATE ON sections TO :"app_role";

-- Indicators are created, edited, deleted and restored (db/queries/edits.ts indicatorItem);
-- their values are replaced whole on each save (db/snapshots.ts replaceIndicatorValues).
REVOKE ALL ON indicators, indicator_values FROM :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON indicators TO :"app_role";
GRANT SELECT, INSERT, DELETE ON indicator_values TO :"app_role";

-- Accounts and sessions are deactivated and revoked, never deleted (db/queries/accounts.ts, sessions.ts).
REVOKE ALL ON users, user_sessions FROM :"app_role";
GRANT SELECT, INSERT, UPDATE ON users, user_sessions TO :"app_role";

-- Sign-in throttle rows and recovery codes are counted, used and cleared
-- (db/queries/sign-in-throttle.ts, second-factor.ts).
REVOKE ALL ON sign_in_throttle, recovery_codes FROM :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_throttle, recovery_codes TO :"app_role";

-- The id sequences: only of the tables the application inserts into.
REVOKE ALL ON SEQUENCE reports_id_seq, sections_id_seq, entities_id_seq FROM :"app_role";
GRANT USAGE ON SEQUENCE revisions_id_seq, indicators_id_seq, indicator_values_id_seq, users_id_seq, recovery_codes_id_seq TO :"app_role";
