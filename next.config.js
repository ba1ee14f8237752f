const createNextIntlPlugin = require('next-intl/plugin');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its .wasm from its own package folder: it must not be bundled (STACK.md pitfall 1).
  serverExternalPackages: ['@electric-sql/pglite', 'pdfkit', 'exceljs', 'proper-lockfile'],
  poweredByHeader: false,
  experimental: {
    // forbidden() / unauthorized() from next/navigation give real 403 / 401 pages.
    authInterrupts: true,
  },
};

// next-intl without locale routing: i18n/request.ts picks each request's language.
module.exports = createNextIntlPlugin('./i18n/request.ts')(nextConfig);
