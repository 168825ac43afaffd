// ESLint flat config: a short list of rules that catch real bugs, not style.
//
//   npm run lint          eslint --max-warnings=0 .   (also the first suite of `npm test`)
//   tests/lint-config.test.ts  proves each rule below still fires on a small bad file.
//
// Type-aware (typescript-eslint's project service reads tsconfig.json, so every TS/TSX file it
// includes is linted with full type information):
//   no-floating-promises   a promise nobody awaits/returns/catches: its rejection is lost and the
//                          caller goes on before the work is done (e.g. a DB write, redirect()).
//   no-misused-promises    an async function where a void callback is expected (forEach, onClick,
//                          setTimeout…): nobody awaits it, its errors vanish; or a promise used as
//                          a boolean (`if (promise)`) — always true.
//   await-thenable         `await` on something that is not a promise (often a missing call or a
//                          sync API mistaken for an async one).
//   return-await           only the correctness case: `return promise` inside try/catch/finally
//                          skips the catch/finally for its rejection.
//   no-for-in-array, no-array-delete, no-base-to-string ("[object Object]" in output)
// plus ESLint's own "possible problems" that tsc does not report (no-cond-assign, no-fallthrough,
// no-self-compare, no-constant-binary-expression, no-control-regex, …: see `rules` below).
//
// Imports:
//   import-x/no-cycle      any dependency cycle between project modules, resolved the way TS
//                          resolves them (tsconfig `paths`, so `@/lib/x` and `../lib/x` are the same
//                          module). DYNAMIC `import()` COUNTS (allowUnsafeDynamicCyclicDependency:
//                          false): a lazy import only hides a cycle from the bundler's
//                          initialisation order, the two modules still depend on each other, and
//                          turning a static import into a dynamic one must not be a way to silence
//                          this rule. `import type` does not count (it is erased at compile time).
//
// No blanket disables: a justified exception is an inline `eslint-disable-next-line <rule> -- why`.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = import.meta.dirname;

export const TS_FILES = [
  'app/**/*.{ts,tsx}',
  'components/**/*.{ts,tsx}',
  'db/**/*.{ts,tsx}',
  'lib/**/*.{ts,tsx}',
  'e2e/**/*.{ts,tsx}',
  'tests/**/*.{ts,tsx}',
  'scripts/**/*.{ts,tsx}',
  'proxy.ts',
  'instrumentation.ts',
  '*.config.ts',
];

export default defineConfig([
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'blob-report/**',
    '.data/**',
    'db/migrations/**',
    'next-env.d.ts',
    // Written (and removed) by tests/lint-config.test.ts, which lints them with `ignore: false`;
    // deliberately full of the bugs the rules catch.
    'tests/lint-fixtures/**',
  ]),
  {
    name: 'project/typescript',
    files: TS_FILES,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    plugins: {
      '@typescript-eslint': tseslint.plugin,
      'import-x': importX,
    },
    settings: {
      // Without these, import-x only reads .js/.mjs/.cjs dependencies: a TS module it resolves is
      // not opened, and no-cycle silently finds no cycle at all (tests/lint-config.test.ts).
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${root}/tsconfig.json`, alwaysTryTypes: true }),
      ],
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      // Core "possible problems" that the TypeScript compiler does not already report.
      'no-async-promise-executor': 'error',
      'no-compare-neg-zero': 'error',
      'no-cond-assign': 'error',
      'no-constant-binary-expression': 'error',
      'no-control-regex': 'error',
      'no-dupe-else-if': 'error',
      'no-empty-character-class': 'error',
      'no-fallthrough': 'error',
      'no-loss-of-precision': 'error',
      'no-misleading-character-class': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-sparse-arrays': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-optional-chaining': 'error',
      'use-isnan': 'error',
      'import-x/no-cycle': [
        'error',
        {
          // Cycles of any length.
          maxDepth: '∞',
          // Packages cannot import our modules back; not walking node_modules keeps it fast.
          ignoreExternal: true,
          // Explicitly the default: `import()` is an edge of the graph like a static import.
          allowUnsafeDynamicCyclicDependency: false,
        },
      ],
    },
  },
]);
