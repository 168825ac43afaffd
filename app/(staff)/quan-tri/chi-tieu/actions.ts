'use server';
import { updateTag } from 'next/cache';
import { createIndicator, deleteIndicator, saveIndicator } from '@/db/queries/edits';
import { staffAction } from '@/lib/actions';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { indicatorCreateSchema, indicatorDeleteSchema, indicatorEditSchema } from '@/lib/validations/indicator';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function saveIndicatorAction(code: string, input: unknown) {
  return staffAction('editor', indicatorEditSchema, async (edit, actor) => {
    const saved = await saveIndicator({ reportSlug, code, edit }, actor);
    saved.invalidate.forEach((tag) => updateTag(tag));
    return { version: saved.version, revisionId: saved.revisionId, code };
  })(input);
}

export async function createIndicatorAction(input: unknown) {
  return staffAction('editor', indicatorCreateSchema, async (data, actor) => {
    const saved = await createIndicator({ reportSlug, input: data }, actor);
    saved.invalidate.forEach((tag) => updateTag(tag));
    return { version: saved.version, revisionId: saved.revisionId, code: saved.code };
  })(input);
}

export async function deleteIndicatorAction(code: string, input: unknown) {
  return staffAction('editor', indicatorDeleteSchema, async ({ version, reason }, actor) => {
    const saved = await deleteIndicator({ reportSlug, code, version, reason }, actor);
    saved.invalidate.forEach((tag) => updateTag(tag));
    return { revisionId: saved.revisionId };
  })(input);
}
