'use server';
import { z } from 'zod';
import { saveSection } from '@/db/queries/edits';
import { findEntities } from '@/db/queries/reports';
import { staffAction } from '@/lib/actions';
import { renderMarkdown } from '@/lib/markdown';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { boundKey, sectionSlug } from '@/lib/validations/params';
import { sectionEditSchema } from '@/lib/validations/section';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function saveSectionAction(slug: unknown, input: unknown) {
  return staffAction('editor', sectionEditSchema, (edit, actor) =>
    saveSection({ reportSlug, slug: boundKey(sectionSlug, slug, 'Không tìm thấy mục này.'), edit }, actor),
  )(input);
}

const previewSchema = z.string().max(100_000);

/** The live preview: the same Markdown pipeline and sanitiser as the public page. */
export async function previewMarkdownAction(markdown: unknown) {
  return staffAction('editor', previewSchema, async (text) => {
    const entities = await findEntities({ reportSlug });
    const links = entities.flatMap((e) => e.aliases.map((alias) => ({ text: alias, href: e.href, title: e.shortName })));
    return { html: await renderMarkdown(text, { links }) };
  })(markdown);
}
