CREATE TABLE "sso_role_mappings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sso_role_mappings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_value" text NOT NULL,
	"role" text NOT NULL,
	"team_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_role_mappings_claim_value_unique" UNIQUE("claim_value"),
	CONSTRAINT "sso_role_mappings_role_check" CHECK ("sso_role_mappings"."role" in ('admin', 'lead', 'executive'))
);
--> statement-breakpoint
CREATE TABLE "sso_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"issuer" text DEFAULT '' NOT NULL,
	"client_id" text DEFAULT '' NOT NULL,
	"client_secret_sealed" text,
	"name" text DEFAULT '' NOT NULL,
	"allowed_domains" text DEFAULT '' NOT NULL,
	"role_claim" text DEFAULT '' NOT NULL,
	"passwords_disabled" boolean DEFAULT false NOT NULL,
	"break_glass_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_settings_singleton" CHECK ("sso_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "sso_role_mappings" ADD CONSTRAINT "sso_role_mappings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_settings" ADD CONSTRAINT "sso_settings_break_glass_user_id_user_id_fk" FOREIGN KEY ("break_glass_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- hand-written below: keep when renumbering
INSERT INTO "sso_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
