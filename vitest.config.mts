import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  // Vite 8 transforms with oxc (Vitest configures it, so an `esbuild` key is ignored with a warning):
  // the automatic JSX runtime is set here instead.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a React Server Component bundle; tests import server modules directly.
      { find: /^server-only$/, replacement: path.join(root, 'tests/helpers/server-only.ts') },
    ],
  },
  test: {
    root,
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'db/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**', '.data/**'],
    // 2 cores: each file may start its own PGlite (~3-4 s of CPU); more workers only thrash.
    fileParallelism: true,
    maxWorkers: 2,
    // Tests that check the security log capture it (captureSecurityLog); the rest keep stdout readable.
    env: { SECURITY_LOG: 'off' },
    // next-auth imports `next/server` without an extension, which Node's ESM loader refuses;
    // inlined, Vite resolves it (tests/db/security-log.test.ts calls its `authorize`).
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
