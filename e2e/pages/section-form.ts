/** The section form: /quan-tri/muc/<slug>, components/staff/section-form.tsx. */
import { expect, type Locator, type Page } from '@playwright/test';
import { VersionedForm } from './staff-parts';

export class SectionFormPage extends VersionedForm {
  /** The address of a section's edit screen. */
  static path(slug: string) {
    return `/quan-tri/muc/${slug}`;
  }

  constructor(page: Page) {
    super(page, 'Sửa nội dung mục', 'section');
  }

  async open(slug: string) {
    await this.page.goto(SectionFormPage.path(slug));
    await this.whenReady();
  }

  async expectEditing(title: string) {
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(`Sửa mục: ${title}`);
    await this.whenReady();
  }

  /** "Nội dung (Markdown)". */
  get body(): Locator {
    return this.form.getByLabel('Nội dung (Markdown)', { exact: true });
  }

  async readBody(): Promise<string> {
    return this.body.inputValue();
  }

  async setBody(markdown: string) {
    await this.body.fill(markdown);
  }

  /** "Xem trước": the live preview, rendered by the same pipeline as the public page. */
  get preview(): Locator {
    return this.form.getByRole('region', { name: 'Xem trước', exact: true });
  }

  /** The preview shows a link with this text (so it has caught up with the body). */
  async expectPreviewLink(name: string) {
    await expect(this.preview.getByRole('link', { name })).toBeVisible();
  }
}
