/**
 * The SMTP connection (issue 20 §3): nodemailer, the de-facto Node mail library (maintained since 2010, no
 * dependencies, handles MIME, multipart/alternative and STARTTLS). Configured by UPLIFT_SMTP_URL
 * (smtp://user:pass@host:587, smtps://… for implicit TLS) and UPLIFT_MAIL_FROM. Short timeouts: a dead server costs
 * the delivery job seconds, never a request (requests only queue messages).
 */
import nodemailer from 'nodemailer';
import { ConfigError } from '@/db/config';
import { smtpConfigProblem } from './smtp-config';

export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };
export type SendMail = (m: Mail) => Promise<void>;

export function mailConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.UPLIFT_SMTP_URL?.trim());
}

export function smtpSender(env: Record<string, string | undefined> = process.env): SendMail {
  const url = env.UPLIFT_SMTP_URL?.trim();
  const from = env.UPLIFT_MAIL_FROM?.trim();
  if (!url) throw new ConfigError('UPLIFT_SMTP_URL is not set: email is off.');
  const problem = smtpConfigProblem(env);
  if (problem || !from) throw new ConfigError(problem ?? 'UPLIFT_MAIL_FROM must be set with UPLIFT_SMTP_URL.');
  const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  return async (m) => {
    await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
  };
}
