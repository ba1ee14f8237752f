import { z } from 'zod';
import { PULL_SOURCES } from '@/db/schema/usage';
import { checkBaseUrl } from '@/lib/usage/pull/url-policy';
import { idSchema } from './ids';

/** The API each source is pulled from unless the admin enters another (LiteLLM is self-hosted: no default). */
export const DEFAULT_BASE_URLS: Record<(typeof PULL_SOURCES)[number], string> = {
  copilot: 'https://api.github.com',
  openai: 'https://api.openai.com',
  anthropic: 'https://api.anthropic.com',
  litellm: '',
};

const credential = z
  .string()
  .min(1, 'Enter the credential.')
  .max(4000, 'At most 4000 characters.')
  .refine((v) => v.trim().length > 0 && !/\s/.test(v.trim()), 'A key or token has no spaces.')
  .transform((v) => v.trim());

const baseUrl = z
  .string()
  .trim()
  .max(500, 'At most 500 characters.')
  .superRefine((v, ctx) => {
    const verdict = checkBaseUrl(v);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.reason });
  });

export const newConnectionSchema = z
  .strictObject({
    source: z.enum(PULL_SOURCES, { error: 'Choose a source.' }),
    name: z.string().trim().min(1, 'Name the connection.').max(100, 'At most 100 characters.'),
    /** Empty takes the vendor's default. */
    baseUrl: z.string().trim().max(500).default(''),
    organization: z
      .string()
      .trim()
      .max(100, 'At most 100 characters.')
      .regex(/^[A-Za-z0-9_.-]*$/, 'A GitHub organisation name: letters, digits, - _ and . only.')
      .default(''),
    credential,
  })
  .transform((d) => ({ ...d, baseUrl: d.baseUrl || DEFAULT_BASE_URLS[d.source] }))
  .superRefine((d, ctx) => {
    if (!d.baseUrl) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'Enter the URL of your LiteLLM proxy, e.g. https://litellm.example.com.' });
    else {
      const r = baseUrl.safeParse(d.baseUrl);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: r.error.issues[0].message });
    }
    if (d.source === 'copilot' && !d.organization) ctx.addIssue({ code: 'custom', path: ['organization'], message: 'Enter the GitHub organisation whose Copilot usage to pull.' });
  });

export const replaceCredentialSchema = z.strictObject({ connectionId: idSchema, credential });

export const connectionIdSchema = z.strictObject({ connectionId: idSchema });
