import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Interface languages: lib/i18n/request.ts (the locale comes from proxy.ts, not from a [locale] folder).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its own package
  // folder; bundling it breaks those paths at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
