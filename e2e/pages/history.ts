/**
 * An item's history: /quan-tri/lich-su/<type>/<id> (the revisions, two of them compared), and
 * restoring one of them at /quan-tri/khoi-phuc/<revisionId>.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ReasonFields, RevisionComparison, whenHydrated, type ReasonKind } from './staff-parts';

/** The kinds of item with a history, and the path segment of each. */
export type HistoryItemType = 'indicator' | 'section';
const TYPE_SEGMENT: Record<HistoryItemType, string> = { indicator: 'chi-tieu', section: 'muc' };

export class HistoryPage {
  readonly compare: RevisionComparison;

  constructor(readonly page: Page) {
    this.compare = new RevisionComparison(page);
  }

  static path(type: HistoryItemType, id: number) {
    return `/quan-tri/lich-su/${TYPE_SEGMENT[type]}/${id}`;
  }

  async open(type: HistoryItemType, id: number) {
    await this.page.goto(HistoryPage.path(type, id));
  }

  /** The history of this item is showing ("Lịch sử: <label>"). */
  async expectOpen(type: HistoryItemType, label: string) {
    await expect(this.page).toHaveURL(new RegExp(`/quan-tri/lich-su/${TYPE_SEGMENT[type]}/\\d+`));
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(`Lịch sử: ${label}`);
  }

  /** A row of the revisions table, by revision number. */
  revision(revisionNo: number): Locator {
    return this.page
      .getByRole('form', { name: 'Chọn hai phiên bản để so sánh' })
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: String(revisionNo), exact: true }) });
  }

  /** The revision exists and its row names what is given (who saved it, why). */
  async expectRevision(revisionNo: number, { author, reason }: { author?: string; reason?: string }) {
    const row = this.revision(revisionNo);
    await expect(row).toHaveCount(1);
    if (author !== undefined) await expect(row).toContainText(author);
    if (reason !== undefined) await expect(row).toContainText(reason);
  }

  /** Compare two revisions of the table (by revision number) with the "from" and "to" choices. */
  async compareRevisions(from: number, to: number) {
    await this.page.getByRole('radio', { name: `So sánh từ phiên bản ${from}`, exact: true }).check();
    await this.page.getByRole('radio', { name: `So sánh đến phiên bản ${to}`, exact: true }).check();
    await this.page.getByRole('button', { name: 'So sánh hai phiên bản đã chọn', exact: true }).click();
  }

  /** Follow "Khôi phục…" of a revision to its restore screen. */
  async restore(revisionNo: number): Promise<RestorePage> {
    await this.page.getByRole('link', { name: `Khôi phục phiên bản ${revisionNo}`, exact: true }).click();
    const restore = new RestorePage(this.page);
    await restore.expectOpen(revisionNo);
    return restore;
  }
}

/** /quan-tri/khoi-phuc/<revisionId>: what would change, then a reason, then a new revision. */
export class RestorePage {
  readonly compare: RevisionComparison;
  readonly form: Locator;
  readonly reason: ReasonFields;

  constructor(readonly page: Page) {
    this.compare = new RevisionComparison(page);
    this.form = page.getByRole('form', { name: 'Khôi phục phiên bản', exact: true });
    this.reason = new ReasonFields(this.form, 'restore');
  }

  static path(revisionId: number) {
    return `/quan-tri/khoi-phuc/${revisionId}`;
  }

  async open(revisionId: number) {
    await this.page.goto(RestorePage.path(revisionId));
  }

  async expectOpen(revisionNo: number) {
    await expect(this.page.getByRole('heading', { level: 1, name: `Khôi phục phiên bản ${revisionNo}`, exact: true })).toBeVisible();
    await expect(this.form).toBeVisible();
    await whenHydrated(this.form);
  }

  async fillReason(kind: ReasonKind, text: string) {
    await this.reason.fill(kind, text);
  }

  /** Press "Khôi phục phiên bản này" (on success the history opens again). */
  async restore() {
    await this.form.getByRole('button', { name: 'Khôi phục phiên bản này', exact: true }).click();
  }

  /** The reason a restore records: "Khôi phục phiên bản N: <the text given>". */
  static reasonOf(revisionNo: number, text = '') {
    return `Khôi phục phiên bản ${revisionNo}${text ? `: ${text}` : ''}`;
  }
}
