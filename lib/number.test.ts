import { describe, expect, it } from 'vitest';
import {
  compareDecimal,
  decimalToNumber,
  formatDecimal,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  parseViNumber,
  percentChange,
  subtractDecimal,
} from './number';

describe('formatDecimal', () => {
  it.each([
    ['6.20', '6,20'],
    ['423700', '423.700'],
    ['1.90', '1,90'],
    ['67929', '67.929'],
    ['32700', '32.700'],
    ['1234567.891', '1.234.567,891'],
    ['-1.5', '-1,5'],
    ['0.5', '0,5'],
    ['-1234', '-1.234'],
    ['100', '100'],
    ['0', '0'],
    ['12345678901234567890.123456789', '12.345.678.901.234.567.890,123456789'],
  ])('%s → %s', (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });

  it.each(['', '1,5', '1.', '.5', '+1', '1e5', 'NaN', 'Infinity', ' 1', '1.2.3', '--1'])('throws on %j', (input) => {
    expect(() => formatDecimal(input)).toThrow();
  });
});

describe('numbers with bounds (numeric(24,6))', () => {
  it(`takes ${MAX_INTEGER_DIGITS} integer and ${MAX_FRACTION_DIGITS} fraction digits, grouped or not, and refuses one more of either`, () => {
    expect(parseViNumber('123.456.789.012.345.678,123456')).toEqual({ ok: true, value: '123456789012345678.123456' });
    expect(parseViNumber('1234567890123456789')).toEqual({ ok: false, message: 'Phần nguyên tối đa 18 chữ số.' });
    expect(parseViNumber('1.234.567.890.123.456.789')).toEqual({ ok: false, message: 'Phần nguyên tối đa 18 chữ số.' });
    expect(parseViNumber('1,1234567')).toEqual({ ok: false, message: 'Phần thập phân tối đa 6 chữ số (sau dấu phẩy).' });
  });

  it('refuses 30 000 digits with a message, without trying to read them', () => {
    const result = parseViNumber('9'.repeat(30_000));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Số quá dài/);
  });

  it('groups a long stored value digit for digit (one pass, not a look-ahead per digit)', () => {
    const digits = '1234567890'.repeat(10_000); // 100 000 digits: the old regex took seconds per render
    const grouped = formatDecimal(digits);
    expect(grouped.replaceAll('.', '')).toBe(digits);
    expect(grouped.split('.').every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3))).toBe(true);
  });
});

describe('parseViNumber', () => {
  it.each([
    ['1.234,5', '1234.5'],
    ['6,20', '6.20'],
    ['423.700', '423700'],
    ['75,5', '75.5'],
    ['10', '10'],
    ['-2,5', '-2.5'],
    ['1 234,5', '1234.5'],
    ['1\u00A0234,5', '1234.5'],
    ['1\u202F234\u202F567', '1234567'],
    ['  67.929  ', '67929'],
    ['1.234.567,891', '1234567.891'],
    ['1234', '1234'],
    ['0,5', '0.5'],
    ['007', '7'],
    ['-0', '0'],
    ['-0,00', '0.00'],
  ])('%j → %s', (input, expected) => {
    expect(parseViNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '1.23',
    '1,2,3',
    '1.234.56',
    '12.34,5',
    'abc',
    '',
    '   ',
    '1e5',
    '1,',
    ',5',
    'Infinity',
    'NaN',
    '1234.567',
    '1,234.5',
    '+5',
    '-',
    '--5',
    '0.123',
    '1..234',
    '1.234 567',
    '1 23',
    '5%',
  ])('refuses %j', (input) => {
    const result = parseViNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(5);
  });

  it('round-trips with formatDecimal', () => {
    for (const value of ['6.20', '423700', '-1.5', '1234567.891', '0.5']) {
      expect(parseViNumber(formatDecimal(value))).toEqual({ ok: true, value });
    }
  });
});

describe('decimalToNumber', () => {
  it('converts for geometry', () => {
    expect(decimalToNumber('45.8')).toBe(45.8);
    expect(decimalToNumber('-1.5')).toBe(-1.5);
  });
  it('throws on non-decimals', () => {
    expect(() => decimalToNumber('1,5')).toThrow();
  });
});

describe('compareDecimal', () => {
  it('compares exactly across scales', () => {
    expect(compareDecimal('1.50', '1.5')).toBe(0);
    expect(compareDecimal('6.20', '8.00')).toBe(-1);
    expect(compareDecimal('100', '99.999')).toBe(1);
    expect(compareDecimal('-2', '-1.5')).toBe(-1);
    expect(compareDecimal('0.1', '0.10000000000000000001')).toBe(-1);
  });
});

describe('subtractDecimal', () => {
  it('subtracts at the larger scale', () => {
    expect(subtractDecimal('6.20', '1.5')).toBe('4.70');
    expect(subtractDecimal('1.90', '1.12')).toBe('0.78');
    expect(subtractDecimal('423700', '326000')).toBe('97700');
    expect(subtractDecimal('1.5', '6.20')).toBe('-4.70');
    expect(subtractDecimal('0.3', '0.1')).toBe('0.2');
    expect(subtractDecimal('-0.05', '0.05')).toBe('-0.10');
    expect(subtractDecimal('1', '1.00')).toBe('0.00');
  });
});

describe('percentChange', () => {
  it('computes exact percentage change rounded half-up to 2 decimals', () => {
    expect(percentChange('1.20', '1.90')).toBe('58.33');
    expect(percentChange('100', '110')).toBe('10.00');
    expect(percentChange('8', '6.20')).toBe('-22.50');
    expect(percentChange('3', '4')).toBe('33.33');
    expect(percentChange('3', '5')).toBe('66.67');
    expect(percentChange('8', '8')).toBe('0.00');
  });
  it('rounds half away from zero', () => {
    expect(percentChange('1000000', '1000050')).toBe('0.01'); // +0.005%
    expect(percentChange('1000000', '999950')).toBe('-0.01'); // −0.005%
    expect(percentChange('1000000', '1000049')).toBe('0.00');
  });
  it('uses |from| as the base for negative starting values', () => {
    expect(percentChange('-2', '-1')).toBe('50.00');
    expect(percentChange('-2', '-3')).toBe('-50.00');
  });
  it('returns null when from is zero', () => {
    expect(percentChange('0', '5')).toBeNull();
    expect(percentChange('0.00', '5')).toBeNull();
  });
});
