ALTER TABLE "experiment_models" ADD COLUMN "effort" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "tasks_done" integer;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "input_tokens" bigint;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "output_tokens" bigint;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "billed_cost_cents" integer;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "usage_model_id" integer;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "usage_effort" text;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_usage_model_id_ai_models_id_fk" FOREIGN KEY ("usage_model_id") REFERENCES "public"."ai_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_usage_check" CHECK (coalesce("checkins"."tasks_done", 0) >= 0 and coalesce("checkins"."input_tokens", 0) >= 0 and coalesce("checkins"."output_tokens", 0) >= 0 and coalesce("checkins"."billed_cost_cents", 0) >= 0);--> statement-breakpoint
-- hand-written below: keep when renumbering
update experiment_models l set effort = case
  when not m.reasoning then 'none'
  when not e.reasoning_used and (
    exists (select 1 from benchmark_scores s where s.model_id = l.model_id and s.effort = 'none')
    or exists (select 1 from model_aliases a where a.model_id = l.model_id and a.effort = 'none')
  ) then 'none'
  else 'default' end
from ai_models m, experiments e
where m.id = l.model_id and e.id = l.experiment_id;--> statement-breakpoint
update experiments e set reasoning_used = x.used
from (select e2.id, exists (select 1 from experiment_models l where l.experiment_id = e2.id and l.effort <> 'none') as used from experiments e2) x
where x.id = e.id and e.reasoning_used is distinct from x.used;
