/**
 * The staff lists that lead to the forms and histories: indicators (/quan-tri/chi-tieu),
 * sections (/quan-tri/muc), and recent changes (/quan-tri/thay-doi).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { HistoryPage } from './history';
import { IndicatorFormPage } from './indicator-form';
import { SectionFormPage } from './section-form';
import { escapeRegExp } from './staff-parts';

/** A list of items, each with "Sửa", "Lịch sử (N)" and "Xem" links named after the item. */
abstract class ItemList {
  protected constructor(
    readonly page: Page,
    private readonly path: string,
    private readonly heading: string,
  ) {}

  async goto() {
    await this.page.goto(this.path);
  }

  async expectOpen() {
    await expect(this.page.getByRole('heading', { level: 1, name: this.heading, exact: true })).toBeVisible();
  }

  protected editLink(label: string): Locator {
    return this.page.getByRole('link', { name: `Sửa: ${label}`, exact: true });
  }

  /** The history link of an item; with `revisions`, it must name exactly that many. */
  historyLink(label: string, revisions?: number): Locator {
    const count = revisions === undefined ? '\\d+' : String(revisions);
    return this.page.getByRole('link', { name: new RegExp(`^Lịch sử \\(${count} phiên bản\\): ${escapeRegExp(label)}$`) });
  }

  /** Follow an item's history link; with `revisions`, the link must name exactly that many. */
  async openHistory(label: string, revisions?: number): Promise<HistoryPage> {
    await this.historyLink(label, revisions).click();
    return new HistoryPage(this.page);
  }
}

export class IndicatorListPage extends ItemList {
  static readonly PATH = '/quan-tri/chi-tieu';

  constructor(page: Page) {
    super(page, IndicatorListPage.PATH, 'Chỉ tiêu');
  }

  /** Follow "Sửa" of an indicator to its form. */
  async edit(name: string): Promise<IndicatorFormPage> {
    await this.editLink(name).click();
    const form = new IndicatorFormPage(this.page);
    await form.expectEditing(name);
    return form;
  }

  async openHistory(name: string, revisions?: number): Promise<HistoryPage> {
    const history = await super.openHistory(name, revisions);
    await history.expectOpen('indicator', name);
    return history;
  }
}

export class SectionListPage extends ItemList {
  static readonly PATH = '/quan-tri/muc';

  constructor(page: Page) {
    super(page, SectionListPage.PATH, 'Nội dung báo cáo');
  }

  /** Follow "Sửa" of a section to its form. */
  async edit(title: string): Promise<SectionFormPage> {
    await this.editLink(title).click();
    const form = new SectionFormPage(this.page);
    await form.expectEditing(title);
    return form;
  }

  async openHistory(title: string, revisions?: number): Promise<HistoryPage> {
    const history = await super.openHistory(title, revisions);
    await history.expectOpen('section', title);
    return history;
  }
}

/** "Thay đổi gần đây": every change, newest first. */
export class RecentChangesPage {
  static readonly PATH = '/quan-tri/thay-doi';

  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto(RecentChangesPage.PATH);
  }

  async expectOpen() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Thay đổi gần đây', exact: true })).toBeVisible();
  }

  /** The n-th change listed (0: the newest). */
  change(index: number): Locator {
    return this.page.getByRole('table').locator('tbody tr').nth(index);
  }

  /** The n-th change listed (0: the newest) names what is given, each in its own column. */
  async expectChange(index: number, { item, action, author, reason }: { item?: string; action?: string; author?: string; reason?: string }) {
    const row = this.change(index);
    await expect(row).toBeVisible();
    const cells = row.getByRole('cell'); // the time, the action, the author, the reason; the item is the row's header
    if (item !== undefined) await expect(row.getByRole('rowheader')).toContainText(item);
    if (action !== undefined) await expect(cells.nth(1)).toContainText(action);
    if (author !== undefined) await expect(cells.nth(2)).toContainText(author);
    if (reason !== undefined) await expect(cells.nth(3)).toContainText(reason);
  }
}
