-- Search (db/queries/search.ts): case-, diacritic- and Unicode-form-insensitive matching of
-- indicators, sections and entities. Runs on PostgreSQL 15 and PGlite (PostgreSQL 18) alike.
--
-- The index expressions below are repeated, character for character, by the query module:
-- an index is only used when the query's expression is the same. tests/db/search.test.ts
-- checks with EXPLAIN that the planner can use every one of them.
--
-- unaccent and pg_trgm are trusted extensions: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary chosen by search_path), so it cannot appear in
-- an index. With the dictionary named by schema the result is fixed: an IMMUTABLE wrapper is safe.
-- unaccent also strips combining marks (decomposed text) and maps đ/Đ to d/D.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- No Vietnamese configuration ships with PostgreSQL: `simple` (no stemming, no stop words, which
-- suits Vietnamese syllables) with unaccent in front of it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vi_unaccent' AND cfgnamespace = 'public'::regnamespace) THEN
    CREATE TEXT SEARCH CONFIGURATION public.vi_unaccent (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION public.vi_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;
  END IF;
END
$$;
--> statement-breakpoint
-- Indicators: name, area, notes, source sentence, comparisons.
CREATE INDEX IF NOT EXISTS "indicators_search_fts" ON "indicators" USING gin (
  to_tsvector('public.vi_unaccent'::regconfig, public.f_unaccent(coalesce(name, '') || ' ' || coalesce(area, '') || ' ' || coalesce(note, '') || ' ' || coalesce(status_note, '') || ' ' || coalesce(source_sentence, '') || ' ' || coalesce(target_comparison, '') || ' ' || coalesce(baseline_comparison, '')))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "indicators_search_trgm" ON "indicators" USING gin (
  lower(public.f_unaccent(coalesce(name, '') || ' ' || coalesce(area, '') || ' ' || coalesce(note, '') || ' ' || coalesce(status_note, '') || ' ' || coalesce(source_sentence, '') || ' ' || coalesce(target_comparison, '') || ' ' || coalesce(baseline_comparison, ''))) gin_trgm_ops
);
--> statement-breakpoint
-- Sections: title, the source's heading, the narrative.
CREATE INDEX IF NOT EXISTS "sections_search_fts" ON "sections" USING gin (
  to_tsvector('public.vi_unaccent'::regconfig, public.f_unaccent(coalesce(title, '') || ' ' || coalesce(heading, '') || ' ' || coalesce(body, '')))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sections_search_trgm" ON "sections" USING gin (
  lower(public.f_unaccent(coalesce(title, '') || ' ' || coalesce(heading, '') || ' ' || coalesce(body, ''))) gin_trgm_ops
);
--> statement-breakpoint
-- Projects, resolutions, institutions: name, short name, number, subject.
CREATE INDEX IF NOT EXISTS "entities_search_fts" ON "entities" USING gin (
  to_tsvector('public.vi_unaccent'::regconfig, public.f_unaccent(coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(number, '') || ' ' || coalesce(subject, '')))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "entities_search_trgm" ON "entities" USING gin (
  lower(public.f_unaccent(coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(number, '') || ' ' || coalesce(subject, ''))) gin_trgm_ops
);
