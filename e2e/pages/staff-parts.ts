/**
 * Parts several staff screens share: the "why" of every save, the save message and conflict
 * screen of the versioned forms, and the old → new comparison of two revisions.
 * The labels live here (and in the screen classes beside this file), never in the specs.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The kinds of change a reason can name, as the select shows them (lib/validations/reason.ts). */
export type ReasonKind = 'Sửa lỗi' | 'Cập nhật số liệu chính thức' | 'Bổ sung' | 'Biên tập câu chữ';

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Wait until React has hydrated `element` (it then carries React's fiber key). A form used before
 * that is submitted by the browser itself, as a plain GET, and what was typed may be lost.
 */
export async function whenHydrated(element: Locator) {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactFiber$'))), {
      message: 'the form is interactive (hydrated)',
    })
    .toBe(true);
}

/** "Lý do thay đổi (bắt buộc)": a kind of change and a short text (components/staff/reason-fields.tsx). */
export class ReasonFields {
  constructor(
    private readonly form: Locator,
    /** The id prefix the form gives its reason fields: indicator, section, restore, delete. */
    private readonly idPrefix: string,
  ) {}

  get kind(): Locator {
    return this.form.getByLabel('Loại thay đổi', { exact: true });
  }

  get text(): Locator {
    return this.form.getByLabel('Giải thích ngắn', { exact: true });
  }

  async fill(kind: ReasonKind, text: string) {
    await this.kind.selectOption({ label: kind });
    await this.text.fill(text);
  }

  /** Refused beside the kind field: the error shows and the field points to it. */
  async expectKindRefused() {
    const error = this.form.locator(`#${this.idPrefix}-reason-kind-error`);
    await expect(error).toBeVisible();
    await expect(this.kind).toHaveAttribute('aria-invalid', 'true');
    await expect(this.kind).toHaveAttribute('aria-describedby', `${this.idPrefix}-reason-kind-error`);
  }
}

/** "Có người khác vừa lưu nội dung này": what is stored now beside what this user typed (components/staff/conflict-panel.tsx). */
export class ConflictPanel {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Có người khác vừa lưu nội dung này' });
  }

  async expectShown() {
    await expect(this.root).toBeVisible();
  }

  /** The row of one field, by its label ("Ghi chú", "Tên chỉ tiêu", "Nội dung", …). */
  field(label: string): Locator {
    return this.root.getByRole('row').filter({ has: this.root.page().getByRole('rowheader', { name: label, exact: true }) });
  }

  /** The field's stored text and this user's text, each in its own column. */
  async expectField(label: string, { stored, mine }: { stored: string; mine: string }) {
    const cells = this.field(label).getByRole('cell');
    await expect(cells.nth(0)).toContainText(stored);
    await expect(cells.nth(1)).toContainText(mine);
  }

  /** Keep this user's text on top of the newer version (it still has to be saved). */
  async keepMine() {
    await this.root.getByRole('button', { name: /^Giữ bản của tôi/ }).click();
  }

  /** Drop this user's text and load what is stored. */
  async takeCurrent() {
    await this.root.getByRole('button', { name: 'Bỏ bản của tôi, lấy nội dung đang lưu' }).click();
  }
}

/** The old → new comparison of two revisions (components/history/revision-compare.tsx), on the history and restore screens. */
export class RevisionComparison {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.locator('.revision-compare');
  }

  /** The row of one changed value, by its label ("Năm 2025", "Chỉ tiêu 2025", …). */
  valueChange(label: string): Locator {
    return this.root
      .getByRole('row')
      .filter({ has: this.root.page().getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(label)}`) }) });
  }

  /** Each given part of a value's change, in its own column: old, new, difference, difference in %. */
  async expectValueChange(label: string, change: { before?: string; after?: string; delta?: string; percent?: string }) {
    const row = this.valueChange(label);
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    const columns = { before: 0, after: 1, delta: 2, percent: 3 } as const;
    for (const [part, column] of Object.entries(columns) as Array<[keyof typeof columns, number]>) {
      const expected = change[part];
      if (expected !== undefined) await expect(cells.nth(column)).toContainText(expected);
    }
  }

  /** The comparison shows this text (as text: stored markup is never rendered here). */
  async expectShows(text: string) {
    await expect(this.root).toContainText(text);
  }
}

/**
 * A form whose saves carry a base version and a reason, and end in one of: saved (new version),
 * errors beside the fields, or the conflict screen (components/staff/use-versioned-save.tsx).
 */
export abstract class VersionedForm {
  readonly form: Locator;
  readonly reason: ReasonFields;
  readonly conflict: ConflictPanel;

  protected constructor(
    readonly page: Page,
    formName: string,
    idPrefix: string,
    private readonly saveLabel = 'Lưu thay đổi',
  ) {
    this.form = page.getByRole('form', { name: formName, exact: true });
    this.reason = new ReasonFields(this.form, idPrefix);
    this.conflict = new ConflictPanel(page);
  }

  /** The form can be used: shown and hydrated. */
  async whenReady() {
    await expect(this.form).toBeVisible();
    await whenHydrated(this.form);
  }

  /** Give the reason every save needs. */
  async fillReason(kind: ReasonKind, text: string) {
    await this.reason.fill(kind, text);
  }

  /** Press the save button (and wait for nothing: the outcome is for the caller to expect). */
  async save() {
    await this.form.getByRole('button', { name: this.saveLabel, exact: true }).click();
  }

  /** Fill the reason, save, and expect it saved. */
  async saveWithReason(kind: ReasonKind, text: string) {
    await this.fillReason(kind, text);
    await this.save();
    await this.expectSaved();
  }

  /** The form's message after a successful save: "Đã lưu (phiên bản N)", with N when given. */
  async expectSaved(version?: number) {
    const saved = this.form.getByRole('status').filter({ hasText: 'Đã lưu' });
    await expect(saved).toBeVisible();
    await expect(saved).toContainText(version === undefined ? /Đã lưu \(phiên bản \d+\)/ : `Đã lưu (phiên bản ${version})`);
  }

  /** Saving without a kind of change is refused beside that field. */
  async expectReasonRefused() {
    await this.reason.expectKindRefused();
  }
}
