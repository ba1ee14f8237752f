/**
 * The message catalogs, one JSON file per area and language (messages/<locale>/<area>.json), so each area's
 * strings sit together and two people editing different areas never touch one file. English is the reference:
 * Korean must have exactly its keys and placeholders (tests/i18n-catalogs.test.ts). Plain imports, so the
 * job runner and the CLIs (outside Next) read the same catalogs as the pages.
 */
import type { Locale } from '@/i18n/locales';
import en_common from './en/common.json';
import en_labels from './en/labels.json';
import en_nav from './en/nav.json';
import en_auth from './en/auth.json';
import en_account from './en/account.json';
import en_inbox from './en/inbox.json';
import en_digest from './en/digest.json';
import en_reports from './en/reports.json';
import en_dashboard from './en/dashboard.json';
import en_insights from './en/insights.json';
import en_experiments from './en/experiments.json';
import en_playbook from './en/playbook.json';
import en_filters from './en/filters.json';
import en_models from './en/models.json';
import en_trends from './en/trends.json';
import en_charts from './en/charts.json';
import en_admin from './en/admin.json';
import en_api from './en/api.json';
import en_errors from './en/errors.json';
import en_email from './en/email.json';
import en_export from './en/export.json';
import ko_common from './ko/common.json';
import ko_labels from './ko/labels.json';
import ko_nav from './ko/nav.json';
import ko_auth from './ko/auth.json';
import ko_account from './ko/account.json';
import ko_inbox from './ko/inbox.json';
import ko_digest from './ko/digest.json';
import ko_reports from './ko/reports.json';
import ko_dashboard from './ko/dashboard.json';
import ko_insights from './ko/insights.json';
import ko_experiments from './ko/experiments.json';
import ko_playbook from './ko/playbook.json';
import ko_filters from './ko/filters.json';
import ko_models from './ko/models.json';
import ko_trends from './ko/trends.json';
import ko_charts from './ko/charts.json';
import ko_admin from './ko/admin.json';
import ko_api from './ko/api.json';
import ko_errors from './ko/errors.json';
import ko_email from './ko/email.json';
import ko_export from './ko/export.json';

export const englishMessages = {
  common: en_common,
  labels: en_labels,
  nav: en_nav,
  auth: en_auth,
  account: en_account,
  inbox: en_inbox,
  digest: en_digest,
  reports: en_reports,
  dashboard: en_dashboard,
  insights: en_insights,
  experiments: en_experiments,
  playbook: en_playbook,
  filters: en_filters,
  models: en_models,
  trends: en_trends,
  charts: en_charts,
  admin: en_admin,
  api: en_api,
  errors: en_errors,
  email: en_email,
  export: en_export,
};
export type Messages = typeof englishMessages;

// Korean is checked against English key by key in tests/i18n-catalogs.test.ts; the cast keeps a missing key a test failure, not a type error.
const koreanMessages = {
  common: ko_common,
  labels: ko_labels,
  nav: ko_nav,
  auth: ko_auth,
  account: ko_account,
  inbox: ko_inbox,
  digest: ko_digest,
  reports: ko_reports,
  dashboard: ko_dashboard,
  insights: ko_insights,
  experiments: ko_experiments,
  playbook: ko_playbook,
  filters: ko_filters,
  models: ko_models,
  trends: ko_trends,
  charts: ko_charts,
  admin: ko_admin,
  api: ko_api,
  errors: ko_errors,
  email: ko_email,
  export: ko_export,
} as unknown as Messages;

export const MESSAGES: Record<Locale, Messages> = { en: englishMessages, ko: koreanMessages };
export const MESSAGE_AREAS = Object.keys(englishMessages) as (keyof Messages)[];
