import { describe, expect, it } from 'vitest';
import { parseEnv, hidePassword } from './env';

describe('public addresses in the configuration', () => {
  it('takes https anywhere and http on this machine only, without a trailing slash', () => {
    expect(parseEnv({ SITE_URL: 'https://ketqua.example.vn/' }).SITE_URL).toBe('https://ketqua.example.vn');
    expect(parseEnv({ SITE_URL: 'http://localhost:3000', AUTH_URL: 'http://127.0.0.1:3000' }).AUTH_URL).toBe('http://127.0.0.1:3000');
  });

  it('refuses a non-local address over plain http, naming the variable', () => {
    expect(() => parseEnv({ SITE_URL: 'http://ketqua.example.vn' })).toThrow(/SITE_URL phải dùng https khi không phải máy này/);
    expect(() => parseEnv({ AUTH_URL: 'http://10.0.0.5:3000' })).toThrow(/AUTH_URL phải dùng https/);
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => parseEnv({ SITE_URL: 'ketqua.example.vn' })).toThrow(/SITE_URL phải là một địa chỉ đầy đủ/);
    expect(() => parseEnv({ SITE_URL: 'javascript:alert(1)' })).toThrow(/SITE_URL phải là một địa chỉ đầy đủ/);
  });
});

describe('rate limits and the past-view cache', () => {
  it('have defaults, take whole numbers, read an empty value as unset, and refuse the rest naming the variable', () => {
    const e = parseEnv({});
    expect([e.RATE_LIMIT_PDF, e.RATE_LIMIT_SEARCH, e.RATE_LIMIT_PAST_VIEWS, e.RATE_LIMIT_ADDRESSES]).toEqual([6, 60, 60, 10_000]);
    expect([e.PAST_VIEW_CACHE_ENTRIES, e.PAST_VIEW_CACHE_MB]).toEqual([2_000, 64]);
    expect(parseEnv({ RATE_LIMIT_SEARCH: '', RATE_LIMIT_PDF: '0' })).toMatchObject({ RATE_LIMIT_SEARCH: 60, RATE_LIMIT_PDF: 0 });
    expect(() => parseEnv({ RATE_LIMIT_PDF: '-1' })).toThrow(/RATE_LIMIT_PDF/);
    expect(() => parseEnv({ RATE_LIMIT_SEARCH: 'nhiều' })).toThrow(/RATE_LIMIT_SEARCH/);
    expect(() => parseEnv({ RATE_LIMIT_ADDRESSES: '10' })).toThrow(/RATE_LIMIT_ADDRESSES/);
    expect(() => parseEnv({ PAST_VIEW_CACHE_MB: '-5' })).toThrow(/PAST_VIEW_CACHE_MB/);
  });
});

describe('hidePassword', () => {
  it('masks the password of a database URL, also one with / or : in it, and leaves a URL without one alone', () => {
    expect(hidePassword('postgres://kqnk_app:s3cr%2Fet@db.example.vn:5432/kqnk')).toBe('postgres://kqnk_app:***@db.example.vn:5432/kqnk');
    expect(hidePassword('postgres://owner:a/b:c@127.0.0.1/kqnk')).not.toContain('a/b');
    expect(hidePassword('postgres://127.0.0.1:5432/test')).toBe('postgres://127.0.0.1:5432/test');
  });
});
