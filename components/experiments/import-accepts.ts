import type experimentWords from '@/messages/en/experiments.json';
type AcceptsKey = keyof (typeof experimentWords)['import']['acceptsColumn'];

/**
 * An import column's catalog key (experiments.import.acceptsColumn.*): "hours_before_per_task" → "hoursBeforePerTask".
 * What a column accepts is worded in the catalog for the page; lib/validation/import-help.ts keeps the English
 * (tests/import-accepts-i18n.test.ts holds them equal, for every column). The codes and labels a column takes stay as they are:
 * they are what the importer reads.
 */
export const acceptsKey = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as AcceptsKey;
