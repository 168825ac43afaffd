import { describe, expect, it } from 'vitest';
import { historyTypes } from '@/lib/history-routes';
import { NotFoundError } from '@/lib/errors';
import { boundKey, indicatorCode, isoDay, lookup, param, recordId } from './params';

describe('what a request can choose', () => {
  it('a lookup never finds what Object.prototype has', () => {
    expect(lookup(historyTypes, 'chi-tieu')).toBe('indicator');
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(lookup(historyTypes, key)).toBeUndefined();
  });

  it('an id is a positive PostgreSQL integer, or nothing', () => {
    expect(param(recordId, '42')).toBe(42);
    for (const bad of ['0', '-1', '2147483648', '99999999999999999999', '1e3', 'abc', '', undefined]) expect(param(recordId, bad)).toBeUndefined();
  });

  it('a day is a real date', () => {
    expect(param(isoDay, '2025-12-31')).toBe('2025-12-31');
    for (const bad of ['2025-02-30', '2025-13-01', '31/12/2025', 'x'.repeat(10_000)]) expect(param(isoDay, bad)).toBeUndefined();
  });

  it('a bound code that does not fit is "not found", not a server error', () => {
    expect(boundKey(indicatorCode, 'gia-tri-xuat-khau', 'x')).toBe('gia-tri-xuat-khau');
    for (const bad of ['', 'A', 'x\u0000', 'a'.repeat(81), { toString: () => 'x' }, 42]) {
      expect(() => boundKey(indicatorCode, bad, 'Không tìm thấy chỉ tiêu này.')).toThrow(NotFoundError);
    }
  });
});
