ALTER TABLE "alerts" ADD COLUMN "message" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_message_check" CHECK ("alerts"."message" in ('retest', 'privacy', 'retirement', 'stale', 'priceDrop', 'rival'));