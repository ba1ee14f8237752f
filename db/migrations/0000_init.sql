CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'executive' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email"),
	CONSTRAINT "user_role_check" CHECK ("user"."role" in ('admin', 'lead', 'executive'))
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"team_role" text DEFAULT 'member' NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id"),
	CONSTRAINT "team_members_role_check" CHECK ("team_members"."team_role" in ('lead', 'member'))
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"function" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "org_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT 'My organisation' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_settings_singleton" CHECK ("org_settings"."id" = 1),
	CONSTRAINT "org_settings_fy_month" CHECK ("org_settings"."fiscal_year_start_month" between 1 and 12),
	CONSTRAINT "org_settings_currency" CHECK ("org_settings"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "ai_models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"release_date" date NOT NULL,
	"context_window" integer,
	"reasoning" boolean DEFAULT false NOT NULL,
	"open_weights" boolean DEFAULT false NOT NULL,
	"data_policy" text DEFAULT 'unknown' NOT NULL,
	"data_policy_source" text,
	"training_flop" double precision,
	"training_flop_source" text,
	"source" text DEFAULT 'reference' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_models_slug_unique" UNIQUE("slug"),
	CONSTRAINT "ai_models_policy_check" CHECK ("ai_models"."data_policy" in ('trains', 'no_training', 'unknown')),
	CONSTRAINT "ai_models_flop_check" CHECK ("ai_models"."training_flop" is null or "ai_models"."training_flop" > 0)
);
--> statement-breakpoint
CREATE TABLE "model_benchmarks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_benchmarks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"benchmark" text DEFAULT 'gpqa_diamond' NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_benchmarks_score_range" CHECK ("model_benchmarks"."score" >= 0 and "model_benchmarks"."score" <= 100)
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_prices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"effective_date" date NOT NULL,
	"input_usd_per_mtok" numeric(12, 4) NOT NULL,
	"output_usd_per_mtok" numeric(12, 4) NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_prices_non_negative" CHECK ("model_prices"."input_usd_per_mtok" >= 0 and "model_prices"."output_usd_per_mtok" >= 0)
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"team_id" integer NOT NULL,
	"owner_id" text,
	"description" text DEFAULT '' NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"work_type" text DEFAULT 'other' NOT NULL,
	"mindset" text DEFAULT 'accelerate' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"start_date" date,
	"end_date" date,
	"reasoning_used" boolean DEFAULT false NOT NULL,
	"data_sensitivity" text DEFAULT 'internal' NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"participant_count" integer DEFAULT 0 NOT NULL,
	"hours_before_per_task" numeric(8, 2),
	"hours_with_ai_per_task" numeric(8, 2),
	"tasks_per_month" numeric(10, 2),
	"hours_saved_per_month" numeric(14, 2) GENERATED ALWAYS AS ((hours_before_per_task - hours_with_ai_per_task) * tasks_per_month) STORED,
	"spend_monthly_cents" integer,
	"spend_one_off_cents" integer,
	"spend_one_off_date" date,
	"quality_before" smallint,
	"quality_after" smallint,
	"blocked_by_model" boolean DEFAULT false NOT NULL,
	"blocker_missing" text DEFAULT '' NOT NULL,
	"blocker_benchmark" text DEFAULT 'gpqa_diamond' NOT NULL,
	"blocker_min_score" numeric(5, 1),
	"blocker_max_price_usd" numeric(12, 4),
	"learnings" text DEFAULT '' NOT NULL,
	"conclusion" text,
	"privacy_mitigation" text DEFAULT '' NOT NULL,
	"retest_of_id" integer,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiments_work_type_check" CHECK ("experiments"."work_type" in ('writing', 'analysis', 'coding', 'research', 'customer_support', 'design', 'operations', 'other')),
	CONSTRAINT "experiments_mindset_check" CHECK ("experiments"."mindset" in ('automate', 'accelerate', 'new_capability')),
	CONSTRAINT "experiments_status_check" CHECK ("experiments"."status" in ('proposed', 'running', 'completed', 'abandoned')),
	CONSTRAINT "experiments_sensitivity_check" CHECK ("experiments"."data_sensitivity" in ('public', 'internal', 'confidential', 'restricted')),
	CONSTRAINT "experiments_conclusion_check" CHECK ("experiments"."conclusion" is null or "experiments"."conclusion" in ('worked', 'partly', 'did_not_work', 'inconclusive')),
	CONSTRAINT "experiments_dates_check" CHECK ("experiments"."end_date" is null or "experiments"."start_date" is null or "experiments"."end_date" >= "experiments"."start_date"),
	CONSTRAINT "experiments_hours_check" CHECK (coalesce("experiments"."hours_before_per_task", 0) >= 0 and coalesce("experiments"."hours_with_ai_per_task", 0) >= 0 and coalesce("experiments"."tasks_per_month", 0) >= 0),
	CONSTRAINT "experiments_spend_check" CHECK (coalesce("experiments"."spend_monthly_cents", 0) >= 0 and coalesce("experiments"."spend_one_off_cents", 0) >= 0),
	CONSTRAINT "experiments_quality_check" CHECK (("experiments"."quality_before" is null or "experiments"."quality_before" between 1 and 5) and ("experiments"."quality_after" is null or "experiments"."quality_after" between 1 and 5)),
	CONSTRAINT "experiments_version_check" CHECK ("experiments"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "experiment_models" (
	"experiment_id" integer NOT NULL,
	"model_id" integer NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "experiment_models_experiment_id_model_id_pk" PRIMARY KEY("experiment_id","model_id")
);
--> statement-breakpoint
CREATE TABLE "capability_outcomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "capability_outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"experiment_id" integer NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"impact" smallint NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"recorded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capability_outcomes_type_check" CHECK ("capability_outcomes"."type" in ('new_capability', 'insight', 'synthesis', 'problem_solving', 'quality_uplift')),
	CONSTRAINT "capability_outcomes_impact_check" CHECK ("capability_outcomes"."impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"experiment_id" integer NOT NULL,
	"date" date NOT NULL,
	"hours_before_per_task" numeric(8, 2),
	"hours_with_ai_per_task" numeric(8, 2),
	"tasks_per_month" numeric(10, 2),
	"hours_saved_per_month" numeric(14, 2) GENERATED ALWAYS AS ((hours_before_per_task - hours_with_ai_per_task) * tasks_per_month) STORED,
	"spend_monthly_cents" integer,
	"quality_after" smallint,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_values_check" CHECK (coalesce("checkins"."hours_before_per_task", 0) >= 0 and coalesce("checkins"."hours_with_ai_per_task", 0) >= 0 and coalesce("checkins"."tasks_per_month", 0) >= 0 and coalesce("checkins"."spend_monthly_cents", 0) >= 0),
	CONSTRAINT "checkins_quality_check" CHECK ("checkins"."quality_after" is null or "checkins"."quality_after" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"outcome" text DEFAULT 'ok' NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	CONSTRAINT "audit_log_outcome_check" CHECK ("audit_log"."outcome" in ('ok', 'denied'))
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"client_ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_benchmarks" ADD CONSTRAINT "model_benchmarks_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_retest_of_fk" FOREIGN KEY ("retest_of_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_models" ADD CONSTRAINT "experiment_models_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_models" ADD CONSTRAINT "experiment_models_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_outcomes" ADD CONSTRAINT "capability_outcomes_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ai_models_vendor_idx" ON "ai_models" USING btree ("vendor");--> statement-breakpoint
CREATE INDEX "ai_models_release_idx" ON "ai_models" USING btree ("release_date");--> statement-breakpoint
CREATE UNIQUE INDEX "model_benchmarks_model_bench_uq" ON "model_benchmarks" USING btree ("model_id","benchmark");--> statement-breakpoint
CREATE UNIQUE INDEX "model_prices_model_date_uq" ON "model_prices" USING btree ("model_id","effective_date");--> statement-breakpoint
CREATE INDEX "experiments_team_start_idx" ON "experiments" USING btree ("team_id","start_date");--> statement-breakpoint
CREATE INDEX "experiments_start_idx" ON "experiments" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "experiments_status_idx" ON "experiments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "experiments_created_idx" ON "experiments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "experiment_models_model_idx" ON "experiment_models" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_models_one_primary" ON "experiment_models" USING btree ("experiment_id") WHERE "experiment_models"."is_primary";--> statement-breakpoint
CREATE INDEX "capability_outcomes_experiment_idx" ON "capability_outcomes" USING btree ("experiment_id");--> statement-breakpoint
CREATE INDEX "capability_outcomes_recorded_idx" ON "capability_outcomes" USING btree ("recorded_on");--> statement-breakpoint
CREATE INDEX "checkins_experiment_date_idx" ON "checkins" USING btree ("experiment_id","date");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("client_ip","at");