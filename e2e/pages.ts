import type { Page } from '@playwright/test';
import type { Role } from './fixtures';

/**
 * Every page a role can open, for the whole-app checks (axe in e2e/a11y.spec.ts, the phone width in
 * e2e/phone.spec.ts). The catalog-sync review (/admin/catalog/[id]) is left out: the demo has no sync.
 */
const EVERYONE = ['/dashboard', '/experiments', '/insights', '/playbook', '/models', '/trends', '/reports', '/inbox', '/digest', '/account', '/api/docs'];
const WRITERS = ['/experiments/new', '/experiments/import'];
const ADMIN = ['/admin', '/admin/usage', '/admin/usage/rates', '/admin/aliases', '/admin/benchmarks', '/admin/backup', '/models/new', '/models/import'];
/** A seeded reference model, there on both databases. */
export const MODEL_SLUG = 'claude-3-haiku';

/** The first experiment the list shows, of the user's own teams with `mine`. */
export async function firstExperiment(page: Page, mine = false): Promise<string> {
  await page.goto(mine ? '/experiments?mine=yes' : '/experiments');
  const hrefs = await page.locator('main a[href^="/experiments/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => /^\/experiments\/\d+$/.test(h));
  if (!href) throw new Error('no experiment in the list');
  return href;
}

/** The paths `role` may open, with an experiment it may edit where it edits any. */
export async function pagesFor(role: Role, page: Page): Promise<string[]> {
  const detail = await firstExperiment(page, role === 'lead');
  const paths = [...EVERYONE, detail, `/models/${MODEL_SLUG}`];
  if (role !== 'executive') paths.push(...WRITERS);
  if (role === 'admin' || role === 'lead') paths.push(`${detail}/edit`);
  if (role === 'admin') paths.push(...ADMIN, `/models/${MODEL_SLUG}/edit`);
  return paths;
}

/** Every page an admin opens, `:experiment` standing for an experiment's path (see firstExperiment). */
export const ADMIN_PAGES = [...EVERYONE, ...WRITERS, ...ADMIN, ':experiment', ':experiment/edit', `/models/${MODEL_SLUG}`, `/models/${MODEL_SLUG}/edit`];

/** Pages shown before sign-in. */
export const SIGNED_OUT = ['/login', '/reset-password'];
