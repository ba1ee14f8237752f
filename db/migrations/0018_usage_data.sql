CREATE TABLE "usage_connections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_connections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"organization" text DEFAULT '' NOT NULL,
	"sealed_credential" text,
	"last_imported_date" date,
	"last_pulled_at" timestamp with time zone,
	"last_error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_connections_source_check" CHECK ("usage_connections"."source" in ('copilot', 'openai', 'anthropic', 'litellm'))
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_daily_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	"source" text NOT NULL,
	"connection_id" integer DEFAULT 0 NOT NULL,
	"external_team" text DEFAULT '' NOT NULL,
	"team_id" integer,
	"vendor" text NOT NULL,
	"external_model" text DEFAULT '' NOT NULL,
	"model_id" integer,
	"requests" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"active_users" integer,
	"engaged_users" integer,
	"details" jsonb,
	"import_id" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_daily_source_check" CHECK ("usage_daily"."source" in ('copilot', 'openai', 'anthropic', 'litellm', 'csv')),
	CONSTRAINT "usage_daily_currency_check" CHECK ("usage_daily"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "usage_daily_counts_check" CHECK ("usage_daily"."requests" >= 0 and "usage_daily"."input_tokens" >= 0 and "usage_daily"."output_tokens" >= 0)
);
--> statement-breakpoint
CREATE TABLE "usage_fx_rates" (
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(18, 8) NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_fx_rates_month_currency_pk" PRIMARY KEY("month","currency"),
	CONSTRAINT "usage_fx_rates_month_check" CHECK (extract(day from "usage_fx_rates"."month") = 1),
	CONSTRAINT "usage_fx_rates_rate_check" CHECK ("usage_fx_rates"."rate" > 0),
	CONSTRAINT "usage_fx_rates_currency_check" CHECK ("usage_fx_rates"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "usage_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"connection_id" integer DEFAULT 0 NOT NULL,
	"origin" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"first_day" date,
	"last_day" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_imports_source_check" CHECK ("usage_imports"."source" in ('copilot', 'openai', 'anthropic', 'litellm', 'csv')),
	CONSTRAINT "usage_imports_origin_check" CHECK ("usage_imports"."origin" in ('upload', 'command', 'pull'))
);
--> statement-breakpoint
CREATE TABLE "usage_team_mappings" (
	"source" text NOT NULL,
	"external_team" text NOT NULL,
	"team_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_team_mappings_source_external_team_pk" PRIMARY KEY("source","external_team"),
	CONSTRAINT "usage_team_mappings_source_check" CHECK ("usage_team_mappings"."source" in ('copilot', 'openai', 'anthropic', 'litellm', 'csv'))
);
--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "usage_retention_days" integer;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_team_mappings" ADD CONSTRAINT "usage_team_mappings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_connections_name_idx" ON "usage_connections" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_daily_natural_idx" ON "usage_daily" USING btree ("source","connection_id","day","external_team","external_model");--> statement-breakpoint
CREATE INDEX "usage_daily_day_idx" ON "usage_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "usage_daily_team_day_idx" ON "usage_daily" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "usage_imports_created_idx" ON "usage_imports" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_usage_retention" CHECK ("org_settings"."usage_retention_days" is null or "org_settings"."usage_retention_days" >= 30);