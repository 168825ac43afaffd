import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';
import { translator } from './messages';

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, '../..');

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const viKeys = flatten(vi);
const enKeys = flatten(en);

/** Source files that can call `t(…)`: the app, components and lib (tests and e2e excluded). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

// `getTranslations('ns')`, `getTranslations({ namespace: 'ns' })`, `translator(locale, 'ns')`.
const NAMESPACE = /getTranslations\(\s*(?:\{\s*(?:locale:[^,}]+,\s*)?namespace:\s*)?['"]([^'"]+)['"]|translator\([^,()]+,\s*['"]([^'"]+)['"]/g;
// A translator called with a literal or template key: `t('a.b')`, `site.rich('x', …)`, tv(`kind.${k}`).
const CALL = /\b(t|t[a-z]{1,2}|site)(?:\.(?:rich|markup|raw|has))?\(\s*(['"`])((?:(?!\2).)+)\2/g;

describe('message files', () => {
  it('vi.json and en.json have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...viKeys.keys()].sort());
  });

  it('no message is empty', () => {
    for (const [key, value] of [...viKeys, ...enKeys]) expect({ key, value: value.trim() }).not.toEqual({ key, value: '' });
  });

  it('placeholders and tags are the same in both languages', () => {
    // Argument names (`{name}`, `{kind, select, …}`) and tag names; the words of select branches are not compared.
    const tokens = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`))].sort();
    for (const [key, text] of viKeys) expect({ key, tokens: tokens(enKeys.get(key) ?? '') }).toEqual({ key, tokens: tokens(text) });
  });

  it('every message formats in both languages (valid ICU syntax)', () => {
    for (const [locale, keys] of [['vi', viKeys], ['en', enKeys]] as const) {
      const t = createTranslator({ locale, messages: locale === 'vi' ? vi : en, onError: (error) => { throw error; } });
      for (const [key, text] of keys) {
        const values: Record<string, string | ((chunks: string) => string)> = {};
        for (const m of text.matchAll(/\{(\w+)\s*[,}]|<(\w+)>/g)) {
          if (m[1]) values[m[1]] = 'x';
          else values[m[2]!] = (chunks) => `[${chunks}]`;
        }
        expect(() => (t.markup as (k: string, v: typeof values) => string)(key, values), `${locale}: ${key}`).not.toThrow();
      }
    }
    const chart = translator('en', 'chart.describe');
    expect(chart('sentence', { name: 'X', parts: '2025 1,5%' })).toBe('Bar chart: X: 2025 1,5%.');
  });

  it('every t(…) key used in the code exists', () => {
    const files = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(path.join(root, dir)));
    const checked: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const namespaces = [...text.matchAll(NAMESPACE)].map((m) => m[1] ?? m[2]!);
      if (namespaces.length === 0) continue;
      for (const m of text.matchAll(CALL)) {
        const key = m[3]!;
        // `${…}` in a template key stands for any one key segment.
        const pattern = new RegExp(`^${key.split(/\$\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+')}$`);
        const found = namespaces.some((ns) => [...viKeys.keys()].some((k) => k.startsWith(`${ns}.`) && pattern.test(k.slice(ns.length + 1))));
        expect(found, `${path.relative(root, file)}: t('${key}') is not in messages/vi.json under ${namespaces.join(', ')}`).toBe(true);
        checked.push(key);
      }
    }
    // The scan must actually see the converted pages.
    expect(checked.length).toBeGreaterThan(80);
  });
});
