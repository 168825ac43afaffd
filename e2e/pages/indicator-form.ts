/**
 * The indicator form: /quan-tri/chi-tieu/<code> (edit) and /quan-tri/chi-tieu/moi (add),
 * components/staff/indicator-form.tsx.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { VersionedForm } from './staff-parts';

/** One row of the figures by year ("Giá trị thứ N"). */
export class ValueRow {
  readonly group: Locator;

  constructor(
    private readonly form: Locator,
    /** 0-based, as the form numbers its fields (the label says index + 1). */
    readonly index: number,
  ) {
    this.group = form.getByRole('group', { name: `Giá trị thứ ${index + 1}`, exact: true });
  }

  get value(): Locator {
    return this.group.getByLabel('Giá trị', { exact: true });
  }

  get year(): Locator {
    return this.group.getByLabel('Năm', { exact: true });
  }

  /** Type a figure the way a person would (Vietnamese style: "423.700", "1,95"). */
  async setValue(text: string) {
    await this.value.fill(text);
  }

  async expectValue(text: string) {
    await expect(this.value).toHaveValue(text);
  }

  /** The figure is refused beside the field, and the field points to the error. */
  async expectValueRefused() {
    const id = `indicator-values-${this.index}-value-error`;
    await expect(this.form.locator(`#${id}`)).toBeVisible();
    await expect(this.value).toHaveAttribute('aria-invalid', 'true');
    await expect(this.value).toHaveAttribute('aria-describedby', id);
  }
}

export class IndicatorFormPage extends VersionedForm {
  /** The address of an indicator's edit screen. */
  static path(code: string) {
    return `/quan-tri/chi-tieu/${code}`;
  }

  static readonly NEW_PATH = '/quan-tri/chi-tieu/moi';

  constructor(page: Page, mode: 'edit' | 'create' = 'edit') {
    super(page, mode === 'edit' ? 'Sửa chỉ tiêu' : 'Thêm chỉ tiêu', 'indicator', mode === 'edit' ? 'Lưu thay đổi' : 'Thêm chỉ tiêu');
  }

  /** Open the edit screen of an indicator. */
  async open(code: string) {
    await this.page.goto(IndicatorFormPage.path(code));
    await this.whenReady();
  }

  /** Open an indicator, change one figure `from` → `to` with an official-figures reason, save, and see it saved. */
  async changeFigure(code: string, from: string, to: string, note: string) {
    await this.open(code);
    await this.setValue(from, to);
    await this.fillReason('Cập nhật số liệu chính thức', note);
    await this.save();
    await this.expectSaved();
  }

  /** The edit screen of this indicator is showing. */
  async expectEditing(name: string) {
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(`Sửa chỉ tiêu: ${name}`);
    await this.whenReady();
  }

  /** "Phiên bản hiện tại: N" above the form. */
  async currentVersion(): Promise<number> {
    const line = this.page.getByText(/^Phiên bản hiện tại: \d+/);
    const text = (await line.textContent()) ?? '';
    const match = /Phiên bản hiện tại: (\d+)/.exec(text);
    expect(match, 'the current version above the form').not.toBeNull();
    return Number(match![1]);
  }

  valueRow(index: number): ValueRow {
    return new ValueRow(this.form, index);
  }

  /** The value row whose figure reads `value` as typed in the form (e.g. "1,90"); fails when there is none. */
  async valueRowHolding(value: string): Promise<ValueRow> {
    const count = await this.form.locator('.value-row').count();
    let found = -1;
    for (let i = 0; i < count; i += 1) {
      if ((await this.valueRow(i).value.inputValue()) === value) found = i;
    }
    expect(found, `a value row holding ${value}`).toBeGreaterThanOrEqual(0);
    return this.valueRow(found);
  }

  /** Change the figure `from` → `to` (both as the form writes them). */
  async setValue(from: string, to: string): Promise<ValueRow> {
    const row = await this.valueRowHolding(from);
    await row.setValue(to);
    return row;
  }

  get note(): Locator {
    return this.form.getByLabel('Ghi chú về chỉ tiêu', { exact: true });
  }

  async setNote(text: string) {
    await this.note.fill(text);
  }

  async expectNote(text: string) {
    await expect(this.note).toHaveValue(text);
  }

  /** "Bản dịch tiếng Anh (không bắt buộc)": the optional English translation. */
  get englishTranslation(): Locator {
    return this.form.getByRole('group', { name: 'Bản dịch tiếng Anh (không bắt buộc)', exact: true });
  }

  get englishName(): Locator {
    return this.englishTranslation.getByLabel('Tên chỉ tiêu (tiếng Anh)', { exact: true });
  }

  async expectEnglishTranslationFields() {
    await expect(this.englishTranslation).toBeVisible();
    await expect(this.englishName).toBeVisible();
  }

  async readEnglishName(): Promise<string> {
    return this.englishName.inputValue();
  }

  async setEnglishName(text: string) {
    await this.englishName.fill(text);
  }
}
