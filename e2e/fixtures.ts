/**
 * Shared Playwright fixtures. Import `test` and `expect` from here, not from '@playwright/test':
 *
 *   import { test, expect } from './fixtures';
 *   test('home is accessible', async ({ page, axe }) => {
 *     await page.goto('/');
 *     await axe();                               // whole page
 *     await axe({ include: 'main' });            // or a part of it
 *   });
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';

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
});

export { expect };
