-- The report-wide chain: every revision gets its report's sequence number, the report hash of
-- the report's previous revision, and its own report hash. Existing rows are chained in id order.
ALTER TABLE "revisions" ADD COLUMN "report_seq" integer;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "report_previous_hash" text;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "report_hash" text;--> statement-breakpoint
-- The same value as reportChainHash() in lib/revision-hash.ts: sha-256 of the canonical JSON
-- {"hash":…,"reportId":…,"reportPreviousHash":…,"reportSeq":…} (keys sorted, no spaces).
CREATE FUNCTION revision_report_hash(report_id integer, report_seq integer, report_previous_hash text, hash text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(
    '{"hash":"' || hash || '","reportId":' || report_id
    || ',"reportPreviousHash":' || coalesce('"' || report_previous_hash || '"', 'null')
    || ',"reportSeq":' || report_seq || '}', 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Revisions refuse UPDATE (0002); the migration runs as the table's owner and fills the new
-- columns once, then the triggers are back before the transaction commits.
ALTER TABLE "revisions" DISABLE TRIGGER "revisions_no_update";--> statement-breakpoint
DO $$
DECLARE
  r record;
  previous text;
  current_report integer;
  h text;
BEGIN
  FOR r IN
    SELECT id, report_id, hash, row_number() OVER (PARTITION BY report_id ORDER BY id)::integer AS seq
    FROM revisions ORDER BY report_id, id
  LOOP
    IF current_report IS DISTINCT FROM r.report_id THEN
      previous := NULL;
      current_report := r.report_id;
    END IF;
    h := revision_report_hash(r.report_id, r.seq, previous, r.hash);
    UPDATE revisions SET report_seq = r.seq, report_previous_hash = previous, report_hash = h WHERE id = r.id;
    previous := h;
  END LOOP;
END
$$;--> statement-breakpoint
ALTER TABLE "revisions" ENABLE TRIGGER "revisions_no_update";--> statement-breakpoint
ALTER TABLE "revisions" ALTER COLUMN "report_seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ALTER COLUMN "report_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_report_seq" UNIQUE("report_id","report_seq");
