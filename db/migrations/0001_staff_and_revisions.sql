CREATE TYPE "public"."item_type" AS ENUM('report', 'section', 'indicator', 'entity');--> statement-breakpoint
CREATE TYPE "public"."reason_kind" AS ENUM('import', 'sua_loi', 'cap_nhat_so_lieu', 'bo_sung', 'bien_tap');--> statement-breakpoint
CREATE TYPE "public"."revision_action" AS ENUM('import', 'create', 'update', 'delete', 'restore');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'editor');--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"item_type" "item_type" NOT NULL,
	"item_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"item_label" text NOT NULL,
	"revision_no" integer NOT NULL,
	"action" "revision_action" NOT NULL,
	"snapshot" jsonb,
	"author_id" integer,
	"author_name" text NOT NULL,
	"reason_kind" "reason_kind" NOT NULL,
	"reason_text" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"previous_id" bigint,
	"previous_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "revisions_item_no" UNIQUE("item_type","item_id","revision_no"),
	CONSTRAINT "revisions_reason_present" CHECK (length(btrim("revisions"."reason_text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "revisions_created" ON "revisions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "revisions_author_created" ON "revisions" USING btree ("author_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "revisions_type_created" ON "revisions" USING btree ("item_type","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "user_sessions_user" ON "user_sessions" USING btree ("user_id");