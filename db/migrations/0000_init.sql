CREATE TYPE "public"."entity_kind" AS ENUM('project', 'resolution', 'institution');--> statement-breakpoint
CREATE TYPE "public"."indicator_status" AS ENUM('vuot', 'dat', 'chua_dat', 'chua_xac_dinh');--> statement-breakpoint
CREATE TYPE "public"."value_kind" AS ENUM('reported', 'estimate', 'derived');--> statement-breakpoint
CREATE TYPE "public"."value_role" AS ENUM('actual', 'target');--> statement-breakpoint
CREATE TABLE "entities" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"kind" "entity_kind" NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"number" text,
	"issued_on" date,
	"issuer" text,
	"subject" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_report_slug" UNIQUE("report_id","kind","slug")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"role" "value_role" DEFAULT 'actual' NOT NULL,
	"year" integer NOT NULL,
	"period_label" text,
	"value" numeric NOT NULL,
	"kind" "value_kind" NOT NULL,
	"qualifier" text,
	"note" text,
	CONSTRAINT "indicator_values_one_per_year" UNIQUE("indicator_id","role","year"),
	CONSTRAINT "indicator_values_year_range" CHECK ("indicator_values"."year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"area" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"status" "indicator_status" DEFAULT 'chua_xac_dinh' NOT NULL,
	"status_note" text,
	"named_as_key_indicator" boolean DEFAULT false NOT NULL,
	"target_comparison" text,
	"baseline_comparison" text,
	"source_sentence" text,
	"note" text,
	"section_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_report_code" UNIQUE("report_id","code")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"document_label" text NOT NULL,
	"document_heading" text NOT NULL,
	"title" text NOT NULL,
	"issuing_body" text NOT NULL,
	"province" text NOT NULL,
	"term_start" integer NOT NULL,
	"term_end" integer NOT NULL,
	"term_label" text NOT NULL,
	"indicators_total" integer,
	"indicators_met" integer,
	"indicators_not_met" integer,
	"headline" text,
	"source_file" text NOT NULL,
	"source_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"parent_id" integer,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"heading" text,
	"body" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sections_report_slug" UNIQUE("report_id","slug")
);
--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_report_position" ON "indicators" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "sections_report_position" ON "sections" USING btree ("report_id","position");