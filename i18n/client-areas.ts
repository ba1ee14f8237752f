import type { Messages } from '@/messages';

/**
 * The catalog namespaces that components rendering in the browser read with the useTranslations hook: only these
 * travel to the browser with every page (about 50 kB of the 128 kB English catalog). Server components read the
 * whole catalog on the server. tests/i18n-client-areas.test.ts computes this list from the client components and
 * their imports and fails when it differs, so a new client component's words cannot be forgotten.
 */
export const CLIENT_NAMESPACES = [
  'admin.catalogUpload', 'admin.connections', 'admin.createTeam', 'admin.createUser', 'admin.rates', 'admin.settings', 'admin.sso',
  'admin.usageUpload', 'admin.userMenu', 'admin.webhooks', 'api.tokens', 'auth.login', 'auth.password', 'auth.setup', 'charts', 'common',
  'dashboard.filters', 'dashboard.teamTable', 'dashboard.usageTables', 'dashboard.usageTrend', 'experiments.blocker', 'experiments.checkins', 'experiments.child', 'experiments.form', 'experiments.import',
  'experiments.models', 'experiments.picker', 'experiments.techniqueForm', 'filters', 'insights.mitigation', 'insights.radar', 'labels',
  'models.adminForms', 'models.benchmarkEdit', 'models.channelPolicyForm', 'models.form', 'models.import', 'nav.error', 'nav.language',
  'nav.theme', 'reports.export', 'reports.restore',
] as const;

type Tree = { [key: string]: string | Tree };

/** The messages under each client namespace, in the catalog's own shape. */
export function clientMessages(messages: Messages): Partial<Messages> {
  const out: Tree = {};
  for (const ns of CLIENT_NAMESPACES) {
    const keys = ns.split('.');
    let from = messages as unknown as Tree;
    let to = out;
    for (const [i, key] of keys.entries()) {
      if (i === keys.length - 1) to[key] = from[key];
      else {
        from = from[key] as Tree;
        to = (to[key] ??= {}) as Tree;
      }
    }
  }
  return out as Partial<Messages>;
}
