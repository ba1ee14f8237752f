/**
 * SQL text for a rule's constants, so a rule's TypeScript function and its SQL fragment read the same
 * list. Plain strings (no driver import): client components import some rule files for their constants.
 */
export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `'a', 'b'`: the values as the body of an IN list. */
export const sqlStringList = (values: readonly string[]) => values.map(sqlString).join(', ');

/** A column of `experiments` as a correlated subquery can use it: "experiments"."col". */
export const experimentColumn = (col: string) => `"experiments"."${col}"`;
