import { describe, expect, it } from 'vitest';
import { SecretUnreadableError, openSecret, sealSecret, secretHint } from '@/lib/security/secrets';

const APP_SECRET = 'a'.repeat(43);
const OTHER_SECRET = 'b'.repeat(43);

describe('sealed secrets (AES-256-GCM, key per purpose from the app secret)', () => {
  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = sealSecret('sk-live-0123456789', 'usage:openai', APP_SECRET);
    expect(sealed).not.toContain('sk-live');
    expect(sealed.split('.')).toHaveLength(4);
    expect(openSecret(sealed, 'usage:openai', APP_SECRET)).toBe('sk-live-0123456789');
  });

  it('uses a fresh IV each time, so equal secrets do not look equal', () => {
    expect(sealSecret('same', 'p', APP_SECRET)).not.toBe(sealSecret('same', 'p', APP_SECRET));
  });

  it('refuses another purpose, another app secret, an altered body or tag, and a malformed value', () => {
    const sealed = sealSecret('token', 'usage:openai', APP_SECRET);
    const [v, iv, tag, body] = sealed.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect(() => openSecret(sealed, 'usage:anthropic', APP_SECRET)).toThrow(SecretUnreadableError);
    expect(() => openSecret(sealed, 'usage:openai', OTHER_SECRET)).toThrow(SecretUnreadableError);
    expect(() => openSecret([v, iv, tag, flip(body)].join('.'), 'usage:openai', APP_SECRET)).toThrow(SecretUnreadableError);
    expect(() => openSecret([v, iv, flip(tag), body].join('.'), 'usage:openai', APP_SECRET)).toThrow(SecretUnreadableError);
    expect(() => openSecret('token', 'usage:openai', APP_SECRET)).toThrow('cannot be decrypted');
    expect(() => openSecret(`v0.${iv}.${tag}.${body}`, 'usage:openai', APP_SECRET)).toThrow(SecretUnreadableError);
  });

  it('seals the empty string and unicode', () => {
    for (const s of ['', '비밀-🔑']) expect(openSecret(sealSecret(s, 'p', APP_SECRET), 'p', APP_SECRET)).toBe(s);
  });

  it('shows at most the last four characters', () => {
    expect(secretHint('sk-live-0123456789')).toBe('••••6789');
    expect(secretHint('short')).toBe('••••');
  });
});
