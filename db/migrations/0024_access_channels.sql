CREATE TABLE "vendor_channel_policies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vendor_channel_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"vendor" text NOT NULL,
	"channel" text NOT NULL,
	"data_policy" text DEFAULT 'unknown' NOT NULL,
	"opt_out" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"as_of" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_channel_policies_channel_check" CHECK ("vendor_channel_policies"."channel" in ('consumer_free', 'consumer_paid', 'enterprise', 'self_hosted')),
	CONSTRAINT "vendor_channel_policies_policy_check" CHECK ("vendor_channel_policies"."data_policy" in ('trains', 'no_training', 'unknown')),
	CONSTRAINT "vendor_channel_policies_as_of_check" CHECK ("vendor_channel_policies"."as_of" is null or "vendor_channel_policies"."as_of" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
ALTER TABLE "experiment_models" ADD COLUMN "channel" text DEFAULT 'api' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_channel_policies_vendor_channel" ON "vendor_channel_policies" USING btree ("vendor","channel");--> statement-breakpoint
ALTER TABLE "experiment_models" ADD CONSTRAINT "experiment_models_channel_check" CHECK ("experiment_models"."channel" in ('consumer_free', 'consumer_paid', 'api', 'enterprise', 'self_hosted'));