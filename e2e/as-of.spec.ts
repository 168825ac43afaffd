/**
 * Reading the past: a figure edited through the staff UI, then the public page and the
 * open-data API as of a moment before the edit still show the old figure, with the banner
 * saying which moment is shown.
 */
import { expect, test } from './fixtures';
import type { IndicatorFormPage } from './pages/indicator-form';
import { EDITOR, signIn } from './staff-session';


const SLUG = 'soc-trang-2020-2025';
const CODE = 'san-luong-thuy-hai-san';
const API = `/api/v1/reports/${SLUG}/indicators`;
/** The figure of the source document; other specs (public, faithful, search) expect to find it again. */
const SEED_VALUE = '423700';

type IndicatorsJson = { revision: { id: number }; indicators: Array<{ code: string; values: Array<{ role: string; year: number; value: string }> }> };

const value2025 = (doc: IndicatorsJson) => doc.indicators.find((i) => i.code === CODE)!.values.find((v) => v.role === 'actual' && v.year === 2025)!.value;
/** "423700" → "423.700", as the staff form and the public pages write it. */
const vi = (decimal: string) => {
  const [int, frac] = decimal.split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
};


/** The staff form: change the 2025 figure from `from` to `to`, with a reason. */
async function setFigure(indicatorForm: IndicatorFormPage, from: string, to: string, reason: string) {
  await indicatorForm.open(CODE);
  await indicatorForm.setValue(vi(from), vi(to));
  await indicatorForm.fillReason('Cập nhật số liệu chính thức', reason);
  await indicatorForm.save();
  await indicatorForm.expectSaved();
}

test('a figure edited by staff: the page and the API as of a moment before the edit show the old figure', async ({ page, request, indicatorForm }) => {
  const current = (await (await request.get(API)).json()) as IndicatorsJson;
  const oldValue = value2025(current);
  // Toggle between two figures, so the spec also passes on a database kept from an earlier run.
  const newValue = oldValue === '424100' ? SEED_VALUE : '424100';

  await signIn(page, EDITOR);
  // The moment just before the save (same machine as the server: one clock).
  const beforeEdit = new Date().toISOString();
  await setFigure(indicatorForm, oldValue, newValue, 'Số liệu chính thức (kiểm thử xem lại quá khứ)');
  // Now: the new figure.
  await page.goto(`/chi-tieu/${CODE}`);
  await expect(page.locator('.facts')).toContainText(`${vi(newValue)} tấn`);

  // As of a moment before the edit: the old figure, and the banner naming that moment.
  await page.goto(`/chi-tieu/${CODE}?asOf=${encodeURIComponent(beforeEdit)}`);
  await expect(page.locator('.facts')).toContainText(`${vi(oldValue)} tấn`);
  await expect(page.locator('.facts')).not.toContainText(`${vi(newValue)} tấn`);
  const banner = page
    .getByRole('region', { name: 'Thời điểm của báo cáo đang xem' })
    .or(page.getByRole('complementary', { name: 'Thời điểm của báo cáo đang xem' }));
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/phiên bản r\d+/);

  // The API: old as of then, new now; both say which revision they are.
  const past = await request.get(`${API}?asOf=${encodeURIComponent(beforeEdit)}`);
  expect(past.status()).toBe(200);
  const pastDoc = (await past.json()) as IndicatorsJson;
  expect(value2025(pastDoc)).toBe(oldValue);
  const nowDoc = (await (await request.get(API)).json()) as IndicatorsJson;
  expect(value2025(nowDoc)).toBe(newValue);
  expect(nowDoc.revision.id).toBeGreaterThan(pastDoc.revision.id);
  expect(past.headers()['x-report-revision']).toBe(`r${pastDoc.revision.id}`);

  // The same moment named by its revision gives the same document, byte for byte.
  const byRevision = await request.get(`${API}?asOf=r${pastDoc.revision.id}`);
  expect(await byRevision.text()).toBe(await past.text());
  expect(byRevision.headers()['etag']).toBe(past.headers()['etag']);

  // The CSV as of then agrees.
  const csv = await (await request.get(`/api/v1/reports/${SLUG}/indicators.csv?asOf=${encodeURIComponent(beforeEdit)}`)).text();
  const line = csv.split('\r\n').find((l) => l.includes(`,${CODE},`) && l.includes(',actual,2025,'));
  expect(line).toContain(`,${oldValue},`);

  // The changelog shows old → new and links to the page as it stood before and after.
  await page.goto(`/chi-tieu/${CODE}/lich-su`);
  const latest = page.locator('.changelog-entry').first();
  await expect(latest).toContainText('Số liệu chính thức (kiểm thử xem lại quá khứ)');
  await expect(latest.getByRole('row', { name: /Năm 2025/ })).toContainText(vi(oldValue));
  await expect(latest.getByRole('row', { name: /Năm 2025/ })).toContainText(vi(newValue));
  await latest.getByRole('link', { name: 'Xem trang trước thay đổi' }).click();
  await expect(page).toHaveURL(/asOf=r\d+/);
  await expect(page.locator('.facts')).toContainText(`${vi(oldValue)} tấn`);

  // Put the source's figure back for the specs that read it.
  if (newValue !== SEED_VALUE) await setFigure(indicatorForm, newValue, SEED_VALUE, 'Trả lại số liệu của văn bản gốc (kết thúc kiểm thử)');
  await page.goto(`/chi-tieu/${CODE}`);
  await expect(page.locator('.facts')).toContainText(`${vi(SEED_VALUE)} tấn`);
});
