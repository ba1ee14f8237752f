CREATE TABLE "benchmark_scores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benchmark_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"benchmark" text NOT NULL,
	"effort" text DEFAULT '' NOT NULL,
	"score" double precision NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"run_id" text,
	"retrieved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_scores_score_check" CHECK ("benchmark_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"measures" text NOT NULL,
	"description" text NOT NULL,
	"unit" text NOT NULL,
	"scale" double precision DEFAULT 1 NOT NULL,
	"random_baseline" double precision,
	"score_ceiling" double precision,
	"superseded_by" text,
	"human_expert" double precision,
	"human_non_expert" double precision,
	"human_baseline_source" text,
	"per_effort" boolean DEFAULT false NOT NULL,
	"default_axis" boolean DEFAULT false NOT NULL,
	"source_file" text,
	"score_column" text,
	"epoch_benchmark" text,
	"source" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmarks_key_check" CHECK ("benchmarks"."key" ~ '^[a-z0-9_]+$'),
	CONSTRAINT "benchmarks_unit_check" CHECK ("benchmarks"."unit" in ('percent', 'index', 'minutes')),
	CONSTRAINT "benchmarks_measures_check" CHECK ("benchmarks"."measures" in ('general', 'science', 'coding', 'maths', 'task_length')),
	CONSTRAINT "benchmarks_scale_check" CHECK ("benchmarks"."scale" > 0)
);
--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_aliases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"model_id" integer NOT NULL,
	"effort" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_price_tiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_price_tiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"tier" text NOT NULL,
	"effective_date" date NOT NULL,
	"until" date,
	"context_over_tokens" integer DEFAULT 0 NOT NULL,
	"input_usd_per_mtok" numeric(12, 4) NOT NULL,
	"output_usd_per_mtok" numeric(12, 4),
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_price_tiers_tier_check" CHECK ("model_price_tiers"."tier" in ('promotional', 'cached_input', 'cache_write', 'batch', 'long_context')),
	CONSTRAINT "model_price_tiers_non_negative" CHECK ("model_price_tiers"."input_usd_per_mtok" >= 0 and ("model_price_tiers"."output_usd_per_mtok" is null or "model_price_tiers"."output_usd_per_mtok" >= 0)),
	CONSTRAINT "model_price_tiers_promo_until" CHECK ("model_price_tiers"."tier" <> 'promotional' or "model_price_tiers"."until" is not null),
	CONSTRAINT "model_price_tiers_until_after" CHECK ("model_price_tiers"."until" is null or "model_price_tiers"."until" >= "model_price_tiers"."effective_date"),
	CONSTRAINT "model_price_tiers_context" CHECK (("model_price_tiers"."tier" = 'long_context') = ("model_price_tiers"."context_over_tokens" > 0))
);
--> statement-breakpoint
ALTER TABLE "ai_models" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "benchmark_scores" ADD CONSTRAINT "benchmark_scores_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_scores" ADD CONSTRAINT "benchmark_scores_benchmark_benchmarks_key_fk" FOREIGN KEY ("benchmark") REFERENCES "public"."benchmarks"("key") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_price_tiers" ADD CONSTRAINT "model_price_tiers_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_scores_model_bench_effort_uq" ON "benchmark_scores" USING btree ("model_id","benchmark","effort");--> statement-breakpoint
CREATE INDEX "benchmark_scores_benchmark_idx" ON "benchmark_scores" USING btree ("benchmark");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmarks_one_default_uq" ON "benchmarks" USING btree ("default_axis") WHERE "benchmarks"."default_axis";--> statement-breakpoint
CREATE UNIQUE INDEX "model_aliases_source_external_uq" ON "model_aliases" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "model_aliases_model_idx" ON "model_aliases" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "model_price_tiers_uq" ON "model_price_tiers" USING btree ("model_id","tier","context_over_tokens","effective_date");