ALTER TABLE "capability_outcomes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;