import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statusDescription, statusFromComparison, statusLabel } from './status';
import { INDICATOR_STATUSES, type IndicatorStatus } from './vocabulary';

describe('statusLabel / statusDescription', () => {
  it('labels every status in Vietnamese (the default) and in English', () => {
    expect(INDICATOR_STATUSES.map((s) => statusLabel(s))).toEqual(['Vượt', 'Đạt', 'Chưa đạt', 'Chưa xác định']);
    expect(INDICATOR_STATUSES.map((s) => statusLabel(s, 'en'))).toEqual(['Exceeded', 'Met', 'Not met', 'Not determined']);
    for (const status of INDICATOR_STATUSES) {
      expect(statusDescription(status)).toMatch(/\S/);
      expect(statusDescription(status)).not.toContain('\n');
      expect(statusDescription(status, 'en')).toMatch(/^The /);
    }
  });
});

describe('statusFromComparison', () => {
  it.each<[string | null, IndicatorStatus]>([
    ['vượt 58,33% so với với chỉ tiêu Nghị quyết', 'vuot'],
    ['đạt 100% so với chỉ tiêu kế hoạch', 'dat'],
    ['đạt 77,5% so với chỉ tiêu Nghị quyết', 'chua_dat'],
    ['đạt 120% so với chỉ tiêu', 'vuot'],
    ['Đạt 100,0% kế hoạch', 'dat'],
    ['VƯỢT 5% chỉ tiêu', 'vuot'],
    ['đạt 99,99 % chỉ tiêu', 'chua_dat'],
    ['đạt 1.100% chỉ tiêu', 'vuot'],
    ['chưa đạt chỉ tiêu Nghị quyết', 'chua_dat'],
    ['chưa đạt 100% chỉ tiêu', 'chua_dat'],
    [null, 'chua_xac_dinh'],
    ['', 'chua_xac_dinh'],
    ['tăng 1,65 lần so với năm 2020', 'chua_xac_dinh'],
    ['đạt 1.23% chỉ tiêu', 'chua_xac_dinh'],
  ])('%j → %s', (phrase, expected) => {
    expect(statusFromComparison(phrase)).toBe(expected);
  });

  it('gives the same answer for NFD input', () => {
    for (const phrase of ['vượt 58,33% so với chỉ tiêu', 'đạt 100% so với', 'đạt 77,5% so với', 'chưa đạt chỉ tiêu']) {
      const nfd = phrase.normalize('NFD');
      expect(nfd).not.toBe(phrase);
      expect(statusFromComparison(nfd)).toBe(statusFromComparison(phrase));
    }
  });

  it('matches the seeded status of every indicator that has a target comparison', () => {
    const seedSchema = z.object({
      indicators: z.array(
        z.object({
          code: z.string(),
          status: z.enum(INDICATOR_STATUSES),
          targetComparison: z.string().nullable(),
        }),
      ),
    });
    const seed = seedSchema.parse(
      JSON.parse(readFileSync(new URL('../db/seed/soc-trang-2020-2025.json', import.meta.url), 'utf8')),
    );
    const compared = seed.indicators.filter((indicator) => indicator.targetComparison !== null);
    expect(compared.length).toBeGreaterThan(0);
    for (const indicator of compared) {
      expect({ code: indicator.code, status: statusFromComparison(indicator.targetComparison) }).toEqual({
        code: indicator.code,
        status: indicator.status,
      });
    }
  });
});
