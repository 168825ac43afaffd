/**
 * Text the database and the hash chain can carry: every text field refuses a lone surrogate
 * (PostgreSQL would store U+FFFD and the revision hash would never match again), NUL and the
 * control characters other than tab and newline, with a Vietnamese field error.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { indicatorEditSchema } from './indicator';
import { ACTION_BODY_LIMIT_BYTES } from './limits';
import { reasonSchema } from './reason';
import { sectionEditSchema } from './section';
import { newUserSchema } from './user';

const reason = { kind: 'cap_nhat_so_lieu', text: 'Số liệu chính thức năm 2025' };
const indicator = (patch: Record<string, unknown>) => ({
  name: 'Tốc độ tăng trưởng',
  area: 'Kinh tế',
  status: 'dat',
  namedAsKeyIndicator: true,
  values: [],
  reason,
  version: 1,
  ...patch,
});
const section = (patch: Record<string, unknown>) => ({ title: 'Kinh tế', body: 'Nội dung', version: 1, reason, ...patch });
const user = (patch: Record<string, unknown>) => ({ email: 'a@b.vn', displayName: 'Nguyễn Văn A', role: 'editor', password: 'một câu mật khẩu đủ dài 2025', ...patch });

/** The messages of the issues at `path`. */
function errorsAt(schema: z.ZodType, input: unknown, path: string): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path.join('.') === path).map((i) => i.message);
}

const HOSTILE: Array<[string, string, RegExp]> = [
  ['a lone high surrogate', 'Tên \uD800 lỗi', /ký tự Unicode hỏng/],
  ['a lone low surrogate', 'Tên \uDC00', /ký tự Unicode hỏng/],
  ['NUL', 'Tên\u0000', /ký tự điều khiển không được phép \(U\+0000\) ở vị trí 4/],
  ['a bell', 'a\u0007b', /U\+0007/],
  ['an escape', '\u001B[31m', /U\+001B/],
  ['DEL', 'x\u007F', /U\+007F/],
  ['a C1 control', 'x\u0085', /U\+0085/],
];

describe('hostile text: every kind of text field refuses it, with a Vietnamese message', () => {
  const fields: Array<[string, z.ZodType, (v: string) => unknown, string]> = [
    ['indicator name (required text)', indicatorEditSchema, (v) => indicator({ name: v }), 'name'],
    ['indicator note (optional text)', indicatorEditSchema, (v) => indicator({ note: v }), 'note'],
    ['English name (translation)', indicatorEditSchema, (v) => indicator({ translations: { en: { name: v } } }), 'translations.en.name'],
    ['section body (Markdown)', sectionEditSchema, (v) => section({ body: v }), 'body'],
    ['English section body', sectionEditSchema, (v) => section({ translations: { en: { body: v } } }), 'translations.en.body'],
    ['reason', reasonSchema, (v) => ({ kind: 'cap_nhat_so_lieu', text: `${v} (lý do)` }), 'text'],
    ['user display name', newUserSchema, (v) => user({ displayName: v }), 'displayName'],
  ];
  for (const [field, schema, build, path] of fields) {
    it.each(HOSTILE)(`${field}: %s`, (_name, value, message) => {
      const errors = errorsAt(schema, build(value), path);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
    });
  }

  it('keeps tab and newline, and turns Windows line breaks into newlines', () => {
    const parsed = sectionEditSchema.parse(section({ body: 'Dòng 1\r\nDòng\t2\rDòng 3' }));
    expect(parsed.body).toBe('Dòng 1\nDòng\t2\nDòng 3');
    expect(reasonSchema.parse({ kind: 'cap_nhat_so_lieu', text: 'Hai dòng\r\nlý do' }).text).toBe('Hai dòng\nlý do');
  });

  it('accepts a well-formed pair (an emoji) and decomposed Vietnamese, stored as NFC', () => {
    const parsed = indicatorEditSchema.parse(indicator({ name: 'Tăng tr\u0301ưởng 😀'.normalize('NFD') }));
    expect(parsed.name).toBe('Tăng tr\u0301ưởng 😀'.normalize('NFC'));
  });
});

describe('the server-action body limit matches the longest form the schemas allow', () => {
  it('a section edit with every field at its maximum, in 3-byte Vietnamese characters, fits under the limit and is valid', () => {
    const longest = (n: number) => 'ữ'.repeat(n);
    const input = section({
      title: longest(200),
      heading: longest(300),
      body: longest(100_000),
      translations: { en: { title: longest(200), heading: longest(300), body: longest(100_000) } },
      reason: { kind: 'cap_nhat_so_lieu', text: longest(500) },
    });
    expect(sectionEditSchema.safeParse(input).success).toBe(true);
    const bytes = Buffer.byteLength(JSON.stringify([input]), 'utf8');
    expect(bytes).toBeGreaterThan(600_000);
    expect(bytes).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });
});
