CREATE TABLE "catalog_syncs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_syncs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"file_name" text NOT NULL,
	"retrieved_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"incoming" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_syncs_source_check" CHECK ("catalog_syncs"."source" in ('models.dev', 'epoch')),
	CONSTRAINT "catalog_syncs_status_check" CHECK ("catalog_syncs"."status" in ('pending', 'applied', 'discarded')),
	CONSTRAINT "catalog_syncs_origin_check" CHECK ("catalog_syncs"."origin" in ('upload', 'fetch'))
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"job" text PRIMARY KEY NOT NULL,
	"slot" text,
	"holder" text,
	"leased_until" timestamp with time zone,
	"done_slot" text
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job" text NOT NULL,
	"slot" text NOT NULL,
	"trigger" text NOT NULL,
	"host" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text DEFAULT 'running' NOT NULL,
	"summary" text,
	"error" text,
	CONSTRAINT "job_runs_outcome_check" CHECK ("job_runs"."outcome" in ('running', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "model_prices" ADD COLUMN "retrieved_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "catalog_syncs_created_idx" ON "catalog_syncs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "job_runs_job_started_idx" ON "job_runs" USING btree ("job","started_at");