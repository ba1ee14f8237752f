import type { Messages } from '@/messages';

/**
 * The catalog areas components read with the useTranslations hook (which may render in the browser): only these travel to the
 * browser with every page. The exports', mails' and server-only pages' words stay on the server.
 * tests/i18n-client-areas.test.ts fails when a client component reads an area missing here.
 */
export const CLIENT_AREAS = [
  'admin', 'api', 'auth', 'charts', 'common', 'dashboard', 'digest', 'experiments', 'filters', 'inbox', 'insights', 'labels', 'models', 'nav',
  'playbook', 'reports',
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_AREAS)[number]> {
  return Object.fromEntries(CLIENT_AREAS.map((area) => [area, messages[area]])) as Pick<Messages, (typeof CLIENT_AREAS)[number]>;
}
