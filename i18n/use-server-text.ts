'use client';
import { useLocale } from 'next-intl';
import { useEffect, useState } from 'react';
import { compileDictionary, translateServerTextWith, type CompiledDictionary, type Dictionary } from './server-text';

// Compiled once per page load; fetched only for a reader who needs it (about 11 kB gzipped for Korean).
let korean: Promise<CompiledDictionary> | undefined;
const loadKorean = () => (korean ??= import('@/messages/ko/server-text.json').then((m) => compileDictionary(m.default as Dictionary)));

/**
 * For client components that show what a server action answered: (text) => that text in the page's language.
 * The dictionary loads when the component mounts, long before the first answer comes back.
 */
export function useServerText(): (text: string) => string {
  const locale = useLocale();
  const [dictionary, setDictionary] = useState<CompiledDictionary>();
  useEffect(() => {
    if (locale !== 'ko') return;
    let live = true;
    void loadKorean().then((d) => live && setDictionary(d));
    return () => {
      live = false;
    };
  }, [locale]);
  return (text) => translateServerTextWith(text, dictionary);
}
