/**
 * Shared Playwright fixtures. Import `test` and `expect` from here, not from '@playwright/test':
 *
 *   import { test, expect } from './fixtures';
 *   test('home is accessible', async ({ page, axe }) => {
 *     await page.goto('/');
 *     await axe();                               // whole page
 *     await axe({ include: 'main' });            // or a part of it
 *   });
 *
 * The staff screens come as page objects (e2e/pages/), one fixture each, bound to `page`:
 *
 *   test('an edit', async ({ indicatorForm }) => {
 *     await indicatorForm.open('gia-tri-xuat-khau');
 *     await (await indicatorForm.setValue('1,90', '1,95')).expectValue('1,95');
 *     await indicatorForm.fillReason('Cập nhật số liệu chính thức', 'Số liệu chính thức năm 2025');
 *     await indicatorForm.save();
 *     await indicatorForm.expectSaved();
 *   });
 *
 * For a second browser page, construct the class on it: `new IndicatorFormPage(otherPage)`.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { HistoryPage, RestorePage } from './pages/history';
import { IndicatorFormPage } from './pages/indicator-form';
import { SectionFormPage } from './pages/section-form';
import { SignInPage } from './pages/sign-in';
import { StaffArea } from './pages/staff-area';
import { IndicatorListPage, RecentChangesPage, SectionListPage } from './pages/staff-lists';
import { UsersPage } from './pages/users';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

export type AxeOptions = {
  /** CSS selector(s) to limit the scan to. */
  include?: string | string[];
  /** CSS selector(s) to leave out of the scan. */
  exclude?: string | string[];
  /** Rule ids to switch off, each with a reason in the calling test. */
  disableRules?: string[];
};

type Fixtures = {
  /** Run axe-core on the current page (WCAG 2.0 A/AA, 2.1 AA) and assert there are no violations. */
  axe: (options?: AxeOptions) => Promise<void>;
  /** /dang-nhap. */
  signInPage: SignInPage;
  /** The staff header and menu, the dashboard, "Không đủ quyền". */
  staff: StaffArea;
  /** /quan-tri/chi-tieu. */
  indicatorList: IndicatorListPage;
  /** /quan-tri/chi-tieu/<code>. */
  indicatorForm: IndicatorFormPage;
  /** /quan-tri/muc. */
  sectionList: SectionListPage;
  /** /quan-tri/muc/<slug>. */
  sectionForm: SectionFormPage;
  /** /quan-tri/lich-su/<type>/<id>. */
  history: HistoryPage;
  /** /quan-tri/khoi-phuc/<revisionId>. */
  restorePage: RestorePage;
  /** /quan-tri/thay-doi. */
  recentChanges: RecentChangesPage;
  /** /quan-tri/nguoi-dung. */
  users: UsersPage;
};

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const test = base.extend<Fixtures>({
  axe: async ({ page }, use, testInfo) => {
    await use(async (options = {}) => {
      let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
      for (const s of list(options.include)) builder = builder.include(s);
      for (const s of list(options.exclude)) builder = builder.exclude(s);
      if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
      const results = await builder.analyze();
      if (results.violations.length > 0) {
        await testInfo.attach('axe-violations.json', {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
      }
      const summary = results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  staff: async ({ page }, use) => use(new StaffArea(page)),
  indicatorList: async ({ page }, use) => use(new IndicatorListPage(page)),
  indicatorForm: async ({ page }, use) => use(new IndicatorFormPage(page)),
  sectionList: async ({ page }, use) => use(new SectionListPage(page)),
  sectionForm: async ({ page }, use) => use(new SectionFormPage(page)),
  history: async ({ page }, use) => use(new HistoryPage(page)),
  restorePage: async ({ page }, use) => use(new RestorePage(page)),
  recentChanges: async ({ page }, use) => use(new RecentChangesPage(page)),
  users: async ({ page }, use) => use(new UsersPage(page)),
});

export { expect };
