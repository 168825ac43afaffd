import { describe, expect, it } from 'vitest';
import { anyUntranslated, langOf, localize, normalizeTranslations, sourceText } from './content';
import { localizedPath, splitLocale } from './config';

describe('normalizeTranslations', () => {
  it('keeps trimmed NFC strings and drops empty fields and languages', () => {
    expect(normalizeTranslations({ en: { name: '  Export value ', note: '', unit: '   ' } })).toEqual({ en: { name: 'Export value' } });
    expect(normalizeTranslations({ en: { note: '' } })).toEqual({});
    expect(normalizeTranslations(null)).toEqual({});
    expect(normalizeTranslations({ en: { name: 'Cà Mau'.normalize('NFD') } })).toEqual({ en: { name: 'Cà Mau'.normalize('NFC') } });
  });
});

describe('localize', () => {
  const view = { name: 'Giá trị xuất khẩu', unit: 'tỷ USD', note: null as string | null, translations: { en: { name: 'Export value' } } };

  it('shows Vietnamese pages the Vietnamese text, always', () => {
    const vi = localize(view, view.translations, ['name', 'unit', 'note'], 'vi');
    expect(vi.name).toBe('Giá trị xuất khẩu');
    expect(vi.untranslated).toEqual([]);
    expect(langOf(vi, 'name')).toBeUndefined();
  });

  it('uses English where given, falls back to Vietnamese (marked) elsewhere; empty fields need nothing', () => {
    const en = localize(view, view.translations, ['name', 'unit', 'note'], 'en');
    expect(en.name).toBe('Export value');
    expect(en.unit).toBe('tỷ USD');
    expect(en.untranslated).toEqual(['unit']);
    expect(langOf(en, 'unit')).toBe('vi');
    expect(langOf(en, 'name')).toBeUndefined();
    expect(sourceText(en, 'name')).toBe('Giá trị xuất khẩu');
    expect(anyUntranslated([en], ['name'])).toBe(false);
    expect(anyUntranslated([en])).toBe(true);
  });
});

describe('locale in addresses', () => {
  it('splits and builds /en addresses', () => {
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/chi-tieu/x')).toEqual({ locale: 'en', path: '/chi-tieu/x' });
    expect(splitLocale('/english')).toEqual({ locale: 'vi', path: '/english' });
    expect(splitLocale('/chi-tieu')).toEqual({ locale: 'vi', path: '/chi-tieu' });
    expect(localizedPath('en', '/')).toBe('/en');
    expect(localizedPath('en', '/muc')).toBe('/en/muc');
    expect(localizedPath('vi', '/muc')).toBe('/muc');
  });
});
