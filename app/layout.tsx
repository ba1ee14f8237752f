import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { clientMessages } from '@/i18n/client-areas';
import { THEME_COOKIE, parseTheme, themeClass } from '@/lib/theme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: { default: t('brand'), template: `%s · ${t('brand')}` }, description: t('metadata.description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request's headers makes every page dynamic, which the per-request CSP nonce needs
  // (Next applies the nonce from the request's Content-Security-Policy header to its own scripts).
  await headers();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} className={themeClass(theme)} suppressHydrationWarning>
      <body className="min-h-screen font-sans antialiased">
        {/* Gives client components the request's language and the catalog areas they read (i18n/client-areas.ts). */}
        <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
