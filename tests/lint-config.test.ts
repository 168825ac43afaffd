// The lint configuration (eslint.config.mjs) still catches what it is there for: each bug below is
// written into a small module inside the repo (so tsconfig.json — and so typescript-eslint's
// project service and the `@/` import resolver — cover it), linted with the project's own config
// through ESLint's Node API, and must come back as an error of the expected rule. The last test
// switches the rules off and checks that the same files then pass: every assertion here depends on
// a rule being on, so turning one off in eslint.config.mjs makes this file fail.
//
// The fixtures live in tests/lint-fixtures/run-…/ only while this file runs (removed afterwards);
// eslint.config.mjs ignores tests/lint-fixtures/ so a leftover never breaks `npm run lint`, and
// this test lints them with `ignore: false`. They are type-correct, so `tsc` is not bothered.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixturesParent = path.join(root, 'tests/lint-fixtures');
const runName = `run-${process.pid}-${Date.now()}`;
const dir = path.join(fixturesParent, runName);
/** The `@/` alias of a fixture module, as application code would write it. */
const alias = (name: string) => `@/tests/lint-fixtures/${runName}/${name}`;

const fixtures: Record<string, string> = {
  // (a) Two modules importing each other (relative paths).
  'cycle-a.ts': `import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n`,
  'cycle-b.ts': `import { a } from './cycle-a';\nexport const b = (): number => 1;\nexport const useA = (): number => a();\n`,
  // (a') The same cycle, one side through the tsconfig alias `@/…`.
  'alias-a.ts': `import { y } from './alias-b';\nexport const x = (): number => y();\n`,
  'alias-b.ts': `import { x } from '${alias('alias-a')}';\nexport const y = (): number => 2;\nexport const useX = (): number => x();\n`,
  // (b) A cycle closed by a lazy `import()` — counts, so a lazy import cannot hide a cycle.
  'dyn-a.ts': `import { later } from './dyn-b';\nexport const first = (): number => 1;\nexport const run = (): Promise<number> => later();\n`,
  'dyn-b.ts':
    `export async function later(): Promise<number> {\n` +
    `  const { first } = await import('./dyn-a');\n` +
    `  return first();\n}\n`,
  // A type-only import back is erased at compile time: not a cycle (documented in the config).
  'type-a.ts': `import { makeT } from './type-b';\nexport interface T { n: number }\nexport const t = makeT();\n`,
  'type-b.ts': `import type { T } from './type-a';\nexport const makeT = (): T => ({ n: 1 });\n`,
  // (c) A promise-returning call nobody awaits.
  'floating.ts':
    `async function save(n: number): Promise<number> {\n  return n;\n}\n` +
    `export function run(): void {\n  save(1);\n}\n`,
  // (d) An async function where a void callback is expected: forEach, and a JSX event handler.
  'misused-foreach.ts':
    `async function save(n: number): Promise<number> {\n  return n;\n}\n` +
    `export function run(list: number[]): void {\n  list.forEach(async (n) => {\n    await save(n);\n  });\n}\n`,
  'misused-attr.tsx':
    `async function save(): Promise<void> {}\n` +
    `export function Button() {\n  return <button type="button" onClick={async () => { await save(); }}>Lưu</button>;\n}\n`,
  // (e) Clean: awaited, voided on purpose, a handler that does not return the promise, no cycle.
  'clean.tsx':
    `import { first } from './dyn-a';\n` +
    `async function save(n: number): Promise<number> {\n  return n + first();\n}\n` +
    `export async function run(list: number[]): Promise<number[]> {\n` +
    `  void save(0);\n  return Promise.all(list.map((n) => save(n)));\n}\n` +
    `export function Button() {\n  return <button type="button" onClick={() => void save(1)}>Lưu</button>;\n}\n`,
};

type Found = Record<string, string[]>;
const RULES = [
  'import-x/no-cycle',
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
  '@typescript-eslint/await-thenable',
] as const;

/** Lints every fixture; for each file, "line:rule" of each message (errors only, plus any fatal). */
async function lintFixtures(overrideConfig?: Linter.Config): Promise<Found> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(root, 'eslint.config.mjs'),
    ignore: false,
    ...(overrideConfig ? { overrideConfig } : {}),
  });
  const results = await eslint.lintFiles(Object.keys(fixtures).map((f) => path.join(dir, f)));
  const found: Found = {};
  for (const r of results) {
    found[path.basename(r.filePath)] = r.messages.map((m) =>
      m.fatal ? `fatal: ${m.message}` : `${m.line}:${m.severity === 2 ? '' : 'warn '}${m.ruleId}`,
    );
  }
  return found;
}

let found: Found;

beforeAll(async () => {
  await fs.mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(fixtures)) await fs.writeFile(path.join(dir, name), text);
  // Once for all tests: the project service builds the whole tsconfig program (~10–30 s here).
  found = await lintFixtures();
}, 240_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  // The parent folder only if no other run (a parallel one) still uses it.
  await fs.rmdir(fixturesParent).catch(() => undefined);
});

describe('eslint.config.mjs', () => {
  it('every fixture is linted with type information and the import resolver (no parse or config error)', () => {
    expect(Object.keys(found).sort()).toEqual(Object.keys(fixtures).sort());
    const fatal = Object.values(found).flat().filter((m) => m.startsWith('fatal'));
    expect(fatal).toEqual([]);
  });

  it('(a) two modules importing each other: import-x/no-cycle on both imports', () => {
    expect(found['cycle-a.ts']).toEqual(['1:import-x/no-cycle']);
    expect(found['cycle-b.ts']).toEqual(['1:import-x/no-cycle']);
  });

  it('(a) a cycle through the tsconfig alias `@/…` is the same cycle', () => {
    expect(found['alias-a.ts']).toEqual(['1:import-x/no-cycle']);
    expect(found['alias-b.ts']).toEqual(['1:import-x/no-cycle']);
  });

  it('(b) a cycle closed by a dynamic import() is an error too', () => {
    expect(found['dyn-b.ts']).toEqual(['2:import-x/no-cycle']);
    expect(found['dyn-a.ts']).toEqual(['1:import-x/no-cycle']);
  });

  it('a type-only import back is not a cycle', () => {
    expect(found['type-a.ts']).toEqual([]);
    expect(found['type-b.ts']).toEqual([]);
  });

  it('(c) an un-awaited promise-returning call: no-floating-promises', () => {
    expect(found['floating.ts']).toEqual(['5:@typescript-eslint/no-floating-promises']);
  });

  it('(d) an async function where a void callback is expected: no-misused-promises', () => {
    expect(found['misused-foreach.ts']).toEqual(['5:@typescript-eslint/no-misused-promises']);
    expect(found['misused-attr.tsx']).toEqual(['3:@typescript-eslint/no-misused-promises']);
  });

  it('(e) a clean file has no problem at all', () => {
    expect(found['clean.tsx']).toEqual([]);
  });

  it('with the rules switched off the same files pass: the assertions above depend on the rules', async () => {
    const off = await lintFixtures({
      files: ['**/*.{ts,tsx}'],
      rules: Object.fromEntries(RULES.map((r) => [r, 'off'])),
    });
    expect(Object.values(off).flat()).toEqual([]);
  }, 240_000);
});
