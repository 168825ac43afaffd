import { describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import {
  ARGON2_OPTIONS,
  DUMMY_PASSWORD_HASH,
  hashPassword,
  isWeakPassword,
  PASSWORD_MIN_SCORE,
  passwordStrength,
  passwordLength,
  passwordNeedsRehash,
  passwordProblem,
  passwordSchema,
  verifyPassword,
} from './password';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id at the configured cost and verifies', async () => {
    const h = await hashPassword('một mật khẩu đủ dài 2025');
    expect(h.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(h, 'một mật khẩu đủ dài 2025')).toBe(true);
    expect(await verifyPassword(h, 'một mật khẩu đủ dài 2026')).toBe(false);
    expect(passwordNeedsRehash(h)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const a = await hashPassword('cùng một cụm từ dài');
    const b = await hashPassword('cùng một cụm từ dài');
    expect(a).not.toBe(b);
  });

  it('verifies a decomposed (NFD) spelling against a composed (NFC) one', async () => {
    const composed = 'Sóc Trăng mùa nước nổi';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const h = await hashPassword(composed);
    expect(await verifyPassword(h, decomposed)).toBe(true);
    const h2 = await hashPassword(decomposed);
    expect(await verifyPassword(h2, composed)).toBe(true);
  });

  it('does not truncate: two 80-byte passphrases that differ only after byte 72 do not match', async () => {
    const base = 'Đồng bằng sông Cửu Long mùa lúa chín vàng ươm'; // multi-byte letters
    const prefix = base.padEnd(72, '.');
    expect(Buffer.byteLength(base, 'utf8')).toBeLessThanOrEqual(72);
    const a = `${prefix}ăn quả 1`;
    const b = `${prefix}ăn quả 2`;
    expect(Buffer.byteLength(a, 'utf8')).toBeGreaterThanOrEqual(80);
    expect(Buffer.byteLength(b, 'utf8')).toBe(Buffer.byteLength(a, 'utf8'));
    expect(Buffer.from(a).subarray(0, 72).equals(Buffer.from(b).subarray(0, 72))).toBe(true);
    const h = await hashPassword(a);
    expect(await verifyPassword(h, a)).toBe(true);
    expect(await verifyPassword(h, b)).toBe(false);
  });

  it('treats a malformed hash as a mismatch', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever long enough')).toBe(false);
    expect(passwordNeedsRehash('not-a-hash')).toBe(true);
  });

  it('asks for a rehash when the parameters change', () => {
    expect(passwordNeedsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZWZha2U')).toBe(
      true,
    );
  });

  it('the dummy hash uses the same parameters, so unknown emails cost the same time', async () => {
    const o = parseOptions(DUMMY_PASSWORD_HASH);
    expect(o).toMatchObject({
      algorithm: ARGON2_OPTIONS.algorithm,
      memoryCost: ARGON2_OPTIONS.memoryCost,
      timeCost: ARGON2_OPTIONS.timeCost,
      parallelism: ARGON2_OPTIONS.parallelism,
    });
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, 'một mật khẩu đủ dài 2025')).toBe(false);
  });
});

describe('password policy', () => {
  it('counts code points after NFC', () => {
    expect(passwordLength('ắ'.normalize('NFD'))).toBe(1);
    expect(passwordLength('😀😀')).toBe(2);
    // 11 letters typed decomposed are still 11, so too short.
    const eleven = 'ắắắắắbcdefg'.normalize('NFD');
    expect(eleven.length).toBeGreaterThan(12);
    expect(passwordProblem(eleven)).toMatch(/ít nhất 12/);
  });

  it('accepts a long passphrase with no composition rules', () => {
    expect(passwordProblem('một mật khẩu đủ dài 2025')).toBeNull();
    expect(passwordProblem('chỉ toàn chữ thường thôi')).toBeNull();
    expect(passwordSchema.safeParse('ngựa pin kẹp giấy đúng').success).toBe(true);
  });

  it('refuses short passwords', () => {
    expect(passwordProblem('')).toBe('Nhập mật khẩu.');
    expect(passwordProblem('Ab1!Ab1!Ab1')).toMatch(/ít nhất 12 ký tự/);
  });

  it('refuses common passwords, whatever their case', () => {
    for (const p of ['123456789012', 'passwordpassword', 'PasswordPassword', 'qwertyuiopas', 'QwertyUiopAs', 'iloveyou1234', 'Matkhau@2025!']) {
      expect(isWeakPassword(p), p).toBe(true);
      expect(passwordProblem(p), p).toMatch(/quá dễ đoán/);
    }
  });

  it('refuses the commonest Vietnamese choices, with or without diacritics and spaces', () => {
    for (const p of [
      'matkhau123456', 'MATKHAU123456', 'Mật khẩu 123456', 'mật khẩu 2025!', '123456a@123456a@', 'anhyeuem1234', 'Anh yêu em 1234',
      'Sóc Trăng 2025', 'soctrang2025', 'SocTrang@2025', 'Tỉnh ủy Sóc Trăng', 'tinhuysoctrang', 'dangcongsan1930',
      'Đảng Cộng sản 1930', 'hochiminh1890', 'Hồ Chí Minh 1890', 'vietnam@2025', 'quantri@2025', 'admin@soctrang', 'quản trị viên 1',
    ]) {
      expect(passwordProblem(p), p).toMatch(/quá dễ đoán/);
    }
  });

  it('refuses repetitions and runs', () => {
    for (const p of ['aaaaaaaaaaaa', '            ', 'ăăăăăăăăăăăă', 'abcabcabcabc', '121212121212', 'abcdefghijklmn', '9876543210987', 'password password']) {
      expect(isWeakPassword(p), p).toBe(true);
    }
  });

  it('says why in Vietnamese, from the estimator\'s warning', () => {
    expect(passwordStrength('abcabcabcabc').warning).toBe('extendedRepeat');
    expect(passwordProblem('abcabcabcabc')).toBe(
      'Mật khẩu này quá dễ đoán. Một cụm lặp lại như "abcabcabc" rất dễ đoán. Hãy chọn một cụm từ khác, ví dụ vài từ tiếng Việt ít gặp cách nhau.',
    );
  });

  it('accepts the passphrases the tests and e2e accounts use', () => {
    expect(PASSWORD_MIN_SCORE).toBe(4);
    for (const p of [
      'mật khẩu quản trị dùng cho kiểm thử e2e', // scripts/test-all.sh
      'mật khẩu biên tập viên dùng cho kiểm thử',
      'biên tập viên thử nghiệm 2025', // e2e/auth.spec.ts
      'một mật khẩu rất dài cho kiểm thử', // tests/db
      'mật khẩu đủ dài cho kiểm thử',
      'mật khẩu mới cũng đủ dài',
      'một câu mật khẩu đủ dài 2025',
      'mật khẩu quản trị cho kiểm thử sự cố cơ sở dữ liệu', // e2e/outage.spec.ts
      'mật khẩu chỉ dùng cho bench', // scripts/bench
      'mật khẩu quản trị chỉ dùng cho bench',
      'Sóc Trăng mùa nước nổi', // a place name inside a longer phrase is fine
    ]) {
      expect(passwordProblem(p), p).toBeNull();
    }
  });

  it('refuses an absurdly long password', () => {
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(200))).toMatch(/dài quá/);
  });

  it('gives the Vietnamese message through the zod schema', () => {
    const r = passwordSchema.safeParse('matkhau123456');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^Mật khẩu này quá dễ đoán\./);
  });
});
