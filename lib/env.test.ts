import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

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
