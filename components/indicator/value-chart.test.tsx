import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { describeChart, toChartPoints, type ChartInput } from '@/lib/chart';
import { ValueChart, ValueTable } from './value-chart';

const exports: ChartInput = {
  name: 'Giá trị xuất khẩu',
  unit: 'tỷ USD',
  points: toChartPoints([
    { year: 2020, periodLabel: null, value: '1.12', kind: 'derived', role: 'actual', qualifier: null },
    { year: 2025, periodLabel: null, value: '1.90', kind: 'estimate', role: 'actual', qualifier: null },
    { year: 2025, periodLabel: null, value: '1.20', kind: 'derived', role: 'target', qualifier: null, note: 'Cổng thông tin suy ra.' },
  ]),
};

describe('ValueChart', () => {
  const html = renderToStaticMarkup(<ValueChart input={exports} id="xk" />);
  const sentence = describeChart(exports);

  it('renders an accessible svg inside a figure', () => {
    expect(html).toMatch(/^<figure class="chart-figure">/);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toMatch(/<svg[^>]*aria-labelledby="xk-title"/);
    expect(html).toMatch(/<svg[^>]*aria-describedby="xk-desc"/);
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(html).toMatch(/<svg[^>]*width="100%"/);
    expect(html).toContain('<title id="xk-title">Giá trị xuất khẩu</title>');
    expect(html).toContain(`<desc id="xk-desc">${sentence}</desc>`);
    expect(html).toContain(`<figcaption class="chart-caption">${sentence}</figcaption>`);
    expect(html).toMatch(/<\/figcaption><\/figure>$/);
  });

  it('labels bars with formatted values, years and "Chỉ tiêu"', () => {
    expect(html).toContain('≈ 1,12');
    expect(html).toContain('>1,90<');
    expect(html).toContain('≈ 1,20');
    expect(html).toContain('>2020<');
    expect(html).toContain('>2025<');
    expect(html).toContain('>Chỉ tiêu<');
    expect(html).toContain('Đơn vị: tỷ USD');
  });

  it('hatches derived bars and explains the kinds in a legend', () => {
    expect(html.match(/fill="url\(#xk-derived\)"/g)).toHaveLength(2);
    expect(html.match(/fill="url\(#xk-estimate\)"/g)).toHaveLength(1);
    expect(html).toContain('Giá trị suy ra');
    expect(html).toContain('Ước tính');
    expect(html).not.toContain('Số liệu báo cáo'); // no reported point in this chart
    expect(html).not.toMatch(/<script/);
  });

  it('renders a message instead of an empty chart', () => {
    const empty = renderToStaticMarkup(<ValueChart input={{ name: 'X', unit: null, points: [] }} />);
    expect(empty).not.toContain('<svg');
    expect(empty).toContain('Chưa có số liệu');
  });
});

describe('ValueTable', () => {
  const html = renderToStaticMarkup(<ValueTable input={exports} />);

  it('renders a real table with caption and scoped headers', () => {
    expect(html).toMatch(/^<table class="chart-table"><caption>Số liệu: Giá trị xuất khẩu<\/caption>/);
    for (const header of ['Năm / Kỳ', 'Giá trị', 'Đơn vị', 'Loại số liệu', 'Ghi chú']) {
      expect(html).toContain(`<th scope="col">${header}</th>`);
    }
    expect(html.match(/<th scope="row">/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row">2020</th>');
    expect(html).toContain('<th scope="row">Chỉ tiêu</th>');
  });

  it('shows formatted values, kinds and notes', () => {
    expect(html).toContain('1,12');
    expect(html).toContain('1,90');
    expect(html).toContain('Giá trị suy ra');
    expect(html).toContain('Ước tính');
    expect(html).toContain('Chỉ tiêu năm 2025. Cổng thông tin suy ra.');
  });
});
