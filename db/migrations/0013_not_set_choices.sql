ALTER TABLE "experiments" ALTER COLUMN "work_type" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "work_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "mindset" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "mindset" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "data_sensitivity" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "data_sensitivity" DROP NOT NULL;