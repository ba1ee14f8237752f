import type { MEASURES } from './benchmarks';

/** What each kind of benchmark measures, as people read it (the values of benchmarks.measures). */
export const MEASURE_LABELS: Record<(typeof MEASURES)[number], string> = {
  general: 'General capability (an index)',
  science: 'Science Q&A',
  coding: 'Coding',
  maths: 'Maths',
  task_length: 'Task length',
};
