import { z } from 'zod';
import { SENSITIVITIES } from '@/db/schema/experiments';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { formatterFor } from '@/lib/format';

/**
 * What an alert says, kept as data (issue 23): the message's name and the values it needs, stored with the alert
 * (alerts.message, alerts.params), so each reader reads it in their own language. The words are the `alerts`
 * section of messages/<locale>/email.json (a server-only area: the inbox page, the mails and the digest all
 * render on the server). The English is stored too, as the alert's title and body: webhooks send it, and an
 * alert raised before migration 0027 (no message) is shown as stored.
 */
const text = z.string();
const figure = z.number().finite();
export const ALERT_PARAMS = {
  retest: z.object({ experiment: text, model: text, vendor: text, benchmark: text }),
  privacy: z.object({ experiment: text, team: text, sensitivity: z.enum(SENSITIVITIES).nullable(), models: z.array(text) }),
  retirement: z.object({ experiment: text, model: text, retiredOn: text }),
  stale: z.object({ experiment: text, since: text, days: figure }),
  priceDrop: z.object({ model: text, percent: figure, before: figure, after: figure, from: text, team: text }),
  rival: z.object({ experiment: text, rival: text, vendor: text, model: text, rivalScore: figure, modelScore: figure, rivalPrice: figure, modelPrice: figure }),
};
export type AlertMessageName = keyof typeof ALERT_PARAMS;
export const ALERT_MESSAGES = Object.keys(ALERT_PARAMS) as AlertMessageName[];
export type AlertParams = { [K in AlertMessageName]: z.infer<(typeof ALERT_PARAMS)[K]> };
export type AlertMessage = { [K in AlertMessageName]: { name: K; params: AlertParams[K] } }[AlertMessageName];

/** Who reads it: the person it was raised for ("your running experiment"), or anyone else (an executive's digest). */
export type AlertReader = 'recipient' | 'reader';
export type AlertText = { title: string; body: string };

const makeWords = (locale: Locale) => ({ t: translatorFor(locale, 'email'), labels: translatorFor(locale, 'labels'), f: formatterFor(locale) });
// One translator per language, made once: next-intl keeps the messages it has parsed in it.
const words = new Map<Locale, ReturnType<typeof makeWords>>();
function wordsFor(locale: Locale) {
  const made = words.get(locale) ?? makeWords(locale);
  words.set(locale, made);
  return made;
}

/** The title and body of an alert in `locale`, worded for its recipient or for another reader. */
export function alertText(m: AlertMessage, locale: Locale, reader: AlertReader = 'recipient'): AlertText {
  const { t, labels, f } = wordsFor(locale);
  const forReader = reader === 'reader';
  switch (m.name) {
    case 'retest': {
      const { experiment, model, vendor, benchmark } = m.params;
      return { title: t('alerts.retest.title', { experiment, model }), body: t('alerts.retest.body', { model, vendor, benchmark }) };
    }
    case 'privacy': {
      const p = m.params;
      const sensitivity = p.sensitivity ? labels(`sensitivity.${p.sensitivity}`) : t('alerts.privacy.sensitive');
      const models = p.models.length ? p.models.join(', ') : t('alerts.privacy.aModel');
      return { title: t('alerts.privacy.title', { experiment: p.experiment, team: p.team }), body: t('alerts.privacy.body', { sensitivity, models }) };
    }
    case 'retirement': {
      const values = { experiment: m.params.experiment, model: m.params.model, date: f.formatDate(m.params.retiredOn) };
      return { title: t('alerts.retirement.title', values), body: t(forReader ? 'alerts.retirement.readerBody' : 'alerts.retirement.body', values) };
    }
    case 'stale': {
      const values = { experiment: m.params.experiment, date: f.formatDate(m.params.since), days: f.formatNumber(m.params.days) };
      return { title: t('alerts.stale.title', values), body: t(forReader ? 'alerts.stale.readerBody' : 'alerts.stale.body', values) };
    }
    case 'priceDrop': {
      const p = m.params;
      const values = { model: p.model, percent: f.formatNumber(p.percent), before: f.formatAlertPrice(p.before), after: f.formatAlertPrice(p.after), date: f.formatDate(p.from), team: p.team };
      return { title: t('alerts.priceDrop.title', values), body: t(forReader ? 'alerts.priceDrop.readerBody' : 'alerts.priceDrop.body', values) };
    }
    case 'rival': {
      const p = m.params;
      return {
        title: t('alerts.rival.title', { rival: p.rival, model: p.model }),
        body: t('alerts.rival.body', {
          experiment: p.experiment,
          rival: p.rival,
          vendor: p.vendor,
          rivalScore: f.formatAlertScore(p.rivalScore),
          modelScore: f.formatAlertScore(p.modelScore),
          rivalPrice: f.formatAlertPrice(p.rivalPrice),
          modelPrice: f.formatAlertPrice(p.modelPrice),
        }),
      };
    }
  }
}

/** A stored message and its values, when they are one this version knows and read right; else null (shown as stored). */
export function parseAlertMessage(name: string | null | undefined, params: unknown): AlertMessage | null {
  if (!name || !Object.hasOwn(ALERT_PARAMS, name)) return null;
  const parsed = ALERT_PARAMS[name as AlertMessageName].safeParse(params);
  return parsed.success ? ({ name, params: parsed.data } as AlertMessage) : null;
}

/** A stored alert as `locale` reads it: from its message when it has one, else its title and body as stored. */
export function storedAlertText(
  row: { title: string; body: string; message?: string | null; params?: unknown },
  locale: Locale,
  reader: AlertReader = 'recipient',
): AlertText {
  const m = parseAlertMessage(row.message, row.params);
  return m ? alertText(m, locale, reader) : { title: row.title, body: row.body };
}
