import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptTotpSecret,
  deriveSecretKey,
  encryptTotpSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  groupKey,
  matchTotp,
  newRecoveryCodeHash,
  recoveryCodeMatches,
  secondFactorDue,
  timeStep,
  totpCode,
  totpUri,
} from './second-factor';

describe('TOTP', () => {
  it('matches RFC 6238 (SHA-1, 6 digits) and gives the code its time step', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits) → last 6: 287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const at = new Date(59_000);
    expect(totpCode(secret, at)).toBe('287082');
    expect(matchTotp(secret, '287 082', at)).toBe(timeStep(at));
    expect(matchTotp(secret, '287082', new Date(59_000 + 30_000))).toBe(timeStep(at)); // one step of drift
    expect(matchTotp(secret, '287082', new Date(59_000 + 90_000))).toBeNull();
    expect(matchTotp(secret, '28708', at)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth address naming the portal and the account', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'a@b.vn');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain('Kết quả nhiệm kỳ');
    expect(groupKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('the secret at rest', () => {
  it('round-trips with its key and account only', () => {
    const key = deriveSecretKey('một khoá phiên đủ dài cho kiểm thử 0123456789');
    const stored = encryptTotpSecret('JBSWY3DPEHPK3PXP', key, 7);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptTotpSecret(stored, key, 7)).toBe('JBSWY3DPEHPK3PXP');
    expect(decryptTotpSecret(stored, key, 8)).toBeNull();
    expect(decryptTotpSecret(stored, randomBytes(32), 7)).toBeNull();
    const [v, iv, body, tag] = stored.split('.');
    const flipped = `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`; // the first character carries 6 whole bits
    expect(decryptTotpSecret([v, iv, flipped, tag].join('.'), key, 7)).toBeNull();
    expect(decryptTotpSecret('garbage', key, 7)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, matched however typed, and only by their own hash', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const stored = newRecoveryCodeHash(codes[0]!);
    expect(recoveryCodeMatches(codes[0]!.toLowerCase().replace('-', ' '), stored)).toBe(true);
    expect(recoveryCodeMatches(codes[1]!, stored)).toBe(false);
    // O/I/L read as 0/1/1: a code copied from paper still works.
    expect(recoveryCodeMatches('ABCDE-0110Z', newRecoveryCodeHash('ABCDE-OIL0Z'))).toBe(true);
  });
});

describe('who must have a second factor', () => {
  const since = new Date();
  it('admins under the default policy, marked accounts always, nobody once enrolled', () => {
    expect(secondFactorDue({ role: 'admin', secondFactorRequired: false, secondFactorSince: null })).toBe(true);
    expect(secondFactorDue({ role: 'admin', secondFactorRequired: false, secondFactorSince: null }, 'per-account')).toBe(false);
    expect(secondFactorDue({ role: 'editor', secondFactorRequired: false, secondFactorSince: null })).toBe(false);
    expect(secondFactorDue({ role: 'editor', secondFactorRequired: true, secondFactorSince: null }, 'per-account')).toBe(true);
    expect(secondFactorDue({ role: 'admin', secondFactorRequired: true, secondFactorSince: since })).toBe(false);
  });
});
