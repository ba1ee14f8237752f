CREATE TABLE "techniques" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "techniques_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"experiment_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"prompt_text" text DEFAULT '' NOT NULL,
	"outcome_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "techniques_kind_check" CHECK ("techniques"."kind" in ('prompt_pattern', 'workflow')),
	CONSTRAINT "techniques_version_check" CHECK ("techniques"."version" >= 1)
);
--> statement-breakpoint
DROP INDEX "experiments_need_evidence_idx";--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "participants_may_record" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "exploration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "target_metric" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "techniques" ADD CONSTRAINT "techniques_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "techniques" ADD CONSTRAINT "techniques_outcome_id_capability_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."capability_outcomes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "techniques" ADD CONSTRAINT "techniques_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "techniques_experiment_idx" ON "techniques" USING btree ("experiment_id");--> statement-breakpoint
CREATE INDEX "techniques_outcome_idx" ON "techniques" USING btree ("outcome_id") WHERE "techniques"."outcome_id" is not null;--> statement-breakpoint
CREATE INDEX "techniques_created_idx" ON "techniques" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "experiments_need_evidence_idx" ON "experiments" USING btree ("end_date") WHERE "experiments"."status" = 'completed' and not "experiments"."exploration" and "experiments"."outcome_count" = 0 and ("experiments"."hours_saved_per_month" is not null or "experiments"."spend_monthly_cents" is not null or "experiments"."spend_one_off_cents" is not null);
--> statement-breakpoint
-- hand-written below: keep when renumbering
-- Issue 23 §3: the experiment list's and the Playbook's searches match any part of a word (ILIKE '%…%'), served by
-- trigram indexes on exactly the expressions db/queries/experiments/search.ts reads (tests/techniques-playbook.test.ts
-- holds them together). pg_trgm ships with PostgreSQL (contrib, a trusted extension: the schema's owner may create it)
-- and with PGlite (loaded by db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "experiments_search_trgm_idx" ON "experiments" USING gin ((title || ' ' || description || ' ' || hypothesis || ' ' || target_metric || ' ' || blocker_missing || ' ' || learnings) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "capability_outcomes_search_trgm_idx" ON "capability_outcomes" USING gin ((description || ' ' || evidence) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "techniques_search_trgm_idx" ON "techniques" USING gin ((title || ' ' || description || ' ' || prompt_text) gin_trgm_ops);
