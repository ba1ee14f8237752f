/**
 * The body each webhook format receives for one alert (issue 20 §3). Pure.
 * - slack: an incoming-webhook message (`text` in Slack's mrkdwn, plus one section block).
 * - teams: a Microsoft Teams Workflows ("When a Teams webhook request is received") message carrying an
 *   Adaptive Card; the retired Office 365 connector cards are not used.
 * - json: the alert itself, for any other receiver.
 */
import { ALERT_LABELS, type AlertEvent } from '@/lib/metrics/alert-events';

export const WEBHOOK_FORMATS = ['slack', 'teams', 'json'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const FORMAT_LABELS: Record<WebhookFormat, string> = {
  slack: 'Slack (incoming webhook)',
  teams: 'Microsoft Teams (Workflows)',
  json: 'JSON (any receiver)',
};

export type WebhookAlert = { event: string; key: string; title: string; body: string; link: string; createdAt: string };

/** Slack mrkdwn treats &, < and > as control characters. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function webhookBody(format: WebhookFormat, a: WebhookAlert, baseUrl: string): string {
  const url = new URL(a.link || '/inbox', baseUrl).toString();
  const label = ALERT_LABELS[a.event as AlertEvent]?.label ?? 'Alert';
  if (format === 'slack') {
    const text = `*${slackEscape(label)}: ${slackEscape(a.title)}*\n${slackEscape(a.body)}\n<${url}|Open in Uplift>`;
    return JSON.stringify({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  }
  if (format === 'teams') {
    return JSON.stringify({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: label, size: 'Small', isSubtle: true, wrap: true },
              { type: 'TextBlock', text: a.title, weight: 'Bolder', size: 'Medium', wrap: true },
              { type: 'TextBlock', text: a.body, wrap: true },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'Open in Uplift', url }],
          },
        },
      ],
    });
  }
  return JSON.stringify({ event: a.event, label, key: a.key, title: a.title, body: a.body, url, createdAt: a.createdAt });
}

/** The alert a "send test" button sends. */
export function testAlert(now: Date): WebhookAlert {
  return { event: 'test', key: `test:${now.toISOString()}`, title: 'Test from Uplift', body: 'This webhook is set up: alerts will arrive here.', link: '/inbox', createdAt: now.toISOString() };
}
