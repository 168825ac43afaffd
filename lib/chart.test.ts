import { describe, expect, it } from 'vitest';
import { chartGeometry, describeChart, formatQuantity, pointLabel, toChartPoints, type ChartInput } from './chart';

const grdpPerCapita: ChartInput = {
  name: 'GRDP bình quân đầu người (giá hiện hành)',
  unit: 'triệu đồng/người/năm',
  points: toChartPoints([
    { year: 2020, periodLabel: null, value: '45.8', kind: 'derived', role: 'actual', qualifier: null },
    { year: 2025, periodLabel: null, value: '75.5', kind: 'estimate', role: 'actual', qualifier: null },
  ]),
};

const exports: ChartInput = {
  name: 'Giá trị xuất khẩu',
  unit: 'tỷ USD',
  points: toChartPoints([
    { year: 2020, periodLabel: null, value: '1.12', kind: 'derived', role: 'actual', qualifier: null },
    { year: 2025, periodLabel: null, value: '1.90', kind: 'estimate', role: 'actual', qualifier: null },
    { year: 2025, periodLabel: null, value: '1.20', kind: 'derived', role: 'target', qualifier: null },
  ]),
};

describe('describeChart', () => {
  it('describes GRDP per capita', () => {
    expect(describeChart(grdpPerCapita)).toBe(
      'Biểu đồ cột: GRDP bình quân đầu người (giá hiện hành) năm 2020 khoảng 45,8 triệu đồng/người/năm (giá trị suy ra), năm 2025 ước 75,5 triệu đồng/người/năm.',
    );
  });

  it('describes exports with a derived target', () => {
    expect(describeChart(exports)).toBe(
      'Biểu đồ cột: Giá trị xuất khẩu năm 2020 khoảng 1,12 tỷ USD (giá trị suy ra), năm 2025 ước 1,90 tỷ USD, chỉ tiêu (suy ra) khoảng 1,20 tỷ USD.',
    );
  });

  it('keeps qualifiers and period labels, and joins % units without a space', () => {
    expect(
      describeChart({
        name: 'Xóa nhà tạm, nhà dột nát',
        unit: '%',
        points: toChartPoints([
          { year: 2025, periodLabel: 'đến thời điểm báo cáo', value: '97', kind: 'reported', role: 'actual', qualifier: 'trên' },
        ]),
      }),
    ).toBe('Biểu đồ cột: Xóa nhà tạm, nhà dột nát đến thời điểm báo cáo trên 97%.');
    expect(
      describeChart({
        name: 'Tốc độ tăng tổng sản phẩm trên địa bàn',
        unit: '%/năm',
        points: toChartPoints([
          { year: 2025, periodLabel: 'bình quân trong 5 năm (2020 - 2025)', value: '6.20', kind: 'reported', role: 'actual', qualifier: null },
          { year: 2025, periodLabel: null, value: '8.00', kind: 'derived', role: 'target', qualifier: null },
        ]),
      }),
    ).toBe(
      'Biểu đồ cột: Tốc độ tăng tổng sản phẩm trên địa bàn bình quân trong 5 năm (2020 - 2025) 6,20%/năm, chỉ tiêu (suy ra) khoảng 8,00%/năm.',
    );
  });

  it('handles a reported target, a missing unit and no points', () => {
    expect(
      describeChart({
        name: 'X',
        unit: null,
        points: toChartPoints([{ year: 2025, periodLabel: null, value: '423700', kind: 'reported', role: 'target', qualifier: null }]),
      }),
    ).toBe('Biểu đồ cột: X chỉ tiêu 423.700.');
    expect(describeChart({ name: 'X', unit: null, points: [] })).toBe('Biểu đồ cột: X — chưa có số liệu.');
  });
});

describe('pointLabel / formatQuantity', () => {
  it('labels by year, or "Chỉ tiêu" for targets', () => {
    expect(pointLabel({ year: 2020, role: 'actual' })).toBe('2020');
    expect(pointLabel({ year: 2025, role: 'target' })).toBe('Chỉ tiêu');
  });
  it('formats a quantity with qualifier and unit', () => {
    expect(formatQuantity({ value: '67929', qualifier: null }, 'lượt')).toBe('67.929 lượt');
    expect(formatQuantity({ value: '97', qualifier: 'trên' }, '%')).toBe('trên 97%');
  });
});

describe('chartGeometry', () => {
  const size = { width: 400, height: 200 };
  const padding = { top: 20, right: 10, bottom: 20, left: 10 };

  it('draws bars from a zero baseline with heights proportional to the values', () => {
    const geometry = chartGeometry(grdpPerCapita, size, padding);
    const [first, second] = geometry.bars;
    if (!first || !second) throw new Error('expected two bars');
    // The largest value fills the plot; the baseline is the plot bottom (all values positive).
    expect(geometry.baselineY).toBeCloseTo(180);
    expect(second.height).toBeCloseTo(160);
    expect(first.height / second.height).toBeCloseTo(45.8 / 75.5, 10);
    for (const bar of geometry.bars) {
      expect(bar.y + bar.height).toBeCloseTo(geometry.baselineY);
      expect(bar.valueLabelY).toBeLessThan(bar.y);
    }
  });

  it('lays bars out left to right without overlap, inside the plot', () => {
    const geometry = chartGeometry(exports, size, padding);
    expect(geometry.bars).toHaveLength(3);
    const heights = geometry.bars.map((bar) => bar.height);
    expect(heights[0]! / heights[1]!).toBeCloseTo(1.12 / 1.9, 10);
    expect(heights[2]! / heights[1]!).toBeCloseTo(1.2 / 1.9, 10);
    let previousRight = padding.left;
    for (const bar of geometry.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(previousRight);
      previousRight = bar.x + bar.width;
    }
    expect(previousRight).toBeLessThanOrEqual(size.width - padding.right);
  });

  it('keeps zero inside the domain for negative values', () => {
    const geometry = chartGeometry(
      {
        name: 'N',
        unit: null,
        points: toChartPoints([
          { year: 2020, periodLabel: null, value: '3', kind: 'reported', role: 'actual', qualifier: null },
          { year: 2025, periodLabel: null, value: '-1', kind: 'reported', role: 'actual', qualifier: null },
        ]),
      },
      size,
      padding,
    );
    const [up, down] = geometry.bars;
    if (!up || !down) throw new Error('expected two bars');
    expect(geometry.baselineY).toBeCloseTo(20 + 120);
    expect(up.y + up.height).toBeCloseTo(geometry.baselineY);
    expect(down.y).toBeCloseTo(geometry.baselineY);
    expect(up.height / down.height).toBeCloseTo(3);
  });

  it('handles all-zero values without dividing by zero', () => {
    const geometry = chartGeometry(
      {
        name: 'Z',
        unit: null,
        points: toChartPoints([{ year: 2025, periodLabel: null, value: '0', kind: 'reported', role: 'actual', qualifier: null }]),
      },
      size,
      padding,
    );
    expect(geometry.bars[0]?.height).toBe(0);
    expect(Number.isFinite(geometry.baselineY)).toBe(true);
  });
});

describe('describeChart in English', () => {
  it('describes in English, quoting figures and units as the report writes them', () => {
    expect(describeChart(exports, 'en')).toBe(
      'Bar chart: Giá trị xuất khẩu: 2020 about 1,12 tỷ USD (derived value), 2025 estimated 1,90 tỷ USD, target (derived) about 1,20 tỷ USD.',
    );
    expect(describeChart({ name: 'X', unit: null, points: [] }, 'en')).toBe('Bar chart: X — no figures yet.');
    expect(pointLabel({ year: 2025, role: 'target' }, 'en')).toBe('Target');
  });
});
