/**
 * An experiment's vendor (and model, as concentration counts it): its primary model's, else its first
 * model's by name. The model summary keeps it as experiments.primary_vendor
 * (db/derived/model-summary.sql orders the links by primaryFirstSql('em', 'm'), which
 * tests/rule-definitions.test.ts checks); the dashboard's capability stories name the model the same way.
 */
export type ModelLink = { isPrimary: boolean };

/** The link that stands for the experiment; `links` come in model-name order, as the database sorts them. */
export function primaryLink<T extends ModelLink>(links: readonly T[]): T | undefined {
  return links.find((l) => l.isPrimary) ?? links[0];
}

/** SQL: the ORDER BY that puts that link first, for links `link` joined to models `model`. */
export const primaryFirstSql = (link: string, model: string) => `${link}.is_primary DESC, ${model}.name`;
