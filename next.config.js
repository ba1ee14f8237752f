const createNextIntlPlugin = require('next-intl/plugin');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its .wasm from its own package folder: it must not be bundled (STACK.md pitfall 1).
  serverExternalPackages: ['@electric-sql/pglite', 'pdfkit', 'exceljs', 'proper-lockfile'],
  // The Korean PDF reads Noto Sans KR from node_modules at run time (lib/export/pdf/fonts.ts): trace the two weights it embeds.
  outputFileTracingIncludes: {
    '/api/reports/executive': [
      './node_modules/@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
      './node_modules/@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
    ],
  },
  poweredByHeader: false,
  experimental: {
    // forbidden() / unauthorized() from next/navigation give real 403 / 401 pages.
    authInterrupts: true,
  },
};

// next-intl without locale routing: i18n/request.ts picks each request's language.
module.exports = createNextIntlPlugin('./i18n/request.ts')(nextConfig);
