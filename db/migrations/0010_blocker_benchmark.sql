-- Custom SQL migration file, put your SQL migration below
-- hand-written below: keep when renumbering
-- Issue 19 §4: a blocker's bar now names its benchmark (SWE-bench Verified, FrontierMath, AIME, GPQA, ECI).
-- Every bar recorded before was on GPQA Diamond, the only benchmark then: say so explicitly, bar and price
-- ceiling unchanged. The column's default already was 'gpqa_diamond'; this pins any other value a direct
-- write may have left. used_best_score follows through experiments_used_best_guard (db/derived/model-summary.sql).
UPDATE experiments SET blocker_benchmark = 'gpqa_diamond' WHERE blocker_benchmark IS DISTINCT FROM 'gpqa_diamond';
--> statement-breakpoint
COMMENT ON COLUMN experiments.blocker_benchmark IS 'Key of the benchmarks row the blocker''s bar (blocker_min_score) is on; set by the experiment form, checked against benchmarks when saved.';
