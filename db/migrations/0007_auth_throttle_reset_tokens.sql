CREATE TABLE "password_reset_tokens" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
DROP INDEX "login_attempts_ip_at_idx";--> statement-breakpoint
ALTER TABLE "login_attempts" ALTER COLUMN "client_ip" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "purpose" text DEFAULT 'sign-in' NOT NULL;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "client" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "outcome" text DEFAULT 'failed' NOT NULL;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_client_at_idx" ON "login_attempts" USING btree ("client","at");--> statement-breakpoint
CREATE INDEX "login_attempts_at_idx" ON "login_attempts" USING btree ("at");--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_purpose_check" CHECK ("login_attempts"."purpose" in ('sign-in', 'password-change'));--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_outcome_check" CHECK ("login_attempts"."outcome" in ('pending', 'failed', 'succeeded', 'refused', 'cleared'));--> statement-breakpoint
-- hand-written below: keep when renumbering
-- Failures recorded before this migration were counted per address (or 'unknown').
UPDATE "login_attempts" SET "client" = CASE WHEN "client_ip" = 'unknown' THEN 'unknown' ELSE 'ip:' || "client_ip" END;
--> statement-breakpoint
UPDATE "login_attempts" SET "client_ip" = NULL WHERE "client_ip" = 'unknown';
--> statement-breakpoint
-- Reset links issued before this migration keep working (the newest per active user), stored as hashes
-- from now on; the plain tokens leave the verification table.
INSERT INTO "password_reset_tokens" ("user_id", "token_hash", "expires_at", "created_at")
SELECT DISTINCT ON (v."value") v."value", encode(sha256(convert_to(substr(v."identifier", 16), 'UTF8')), 'hex'), v."expires_at", v."created_at"
FROM "verification" v JOIN "user" u ON u."id" = v."value" AND u."active"
WHERE v."identifier" LIKE 'reset-password:%' AND v."expires_at" > now()
ORDER BY v."value", v."created_at" DESC;
--> statement-breakpoint
DELETE FROM "verification" WHERE "identifier" LIKE 'reset-password:%';
