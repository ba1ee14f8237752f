'use client';
import { useServerText } from '@/i18n/use-server-text';

/** What a server action answered, in the reader's language (i18n/server-text.ts); usable from server and client components. */
export function ServerText({ text }: { text: string }) {
  return useServerText()(text);
}
