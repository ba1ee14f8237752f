CREATE TABLE "model_best_scores" (
	"model_id" integer NOT NULL,
	"benchmark" text NOT NULL,
	"best_score" double precision NOT NULL,
	"release_date" date,
	CONSTRAINT "model_best_scores_model_id_benchmark_pk" PRIMARY KEY("model_id","benchmark")
);
--> statement-breakpoint
ALTER TABLE "model_best_scores" ADD CONSTRAINT "model_best_scores_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_best_scores_benchmark_idx" ON "model_best_scores" USING btree ("benchmark","best_score");