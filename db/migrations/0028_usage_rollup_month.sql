CREATE TABLE "usage_rollup_month" (
	"month" date NOT NULL,
	"team_id" integer,
	"source" text NOT NULL,
	"vendor" text NOT NULL,
	"external_model" text NOT NULL,
	"model_id" integer,
	"currency" text NOT NULL,
	"rows" integer NOT NULL,
	"requests" bigint NOT NULL,
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cost_micros" bigint NOT NULL,
	"active_users" integer,
	"engaged_users" integer,
	CONSTRAINT "usage_rollup_month_key" UNIQUE NULLS NOT DISTINCT("month","team_id","source","vendor","external_model","model_id","currency")
);
