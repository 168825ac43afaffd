'use server';
import { createIndicator, deleteIndicator, saveIndicator } from '@/db/queries/edits';
import { staffAction } from '@/lib/actions';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { indicatorCreateSchema, indicatorDeleteSchema, indicatorEditSchema } from '@/lib/validations/indicator';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function saveIndicatorAction(code: string, input: unknown) {
  return staffAction('editor', indicatorEditSchema, async (edit, actor) => ({ ...(await saveIndicator({ reportSlug, code, edit }, actor)), code }))(input);
}

export async function createIndicatorAction(input: unknown) {
  return staffAction('editor', indicatorCreateSchema, (data, actor) => createIndicator({ reportSlug, input: data }, actor))(input);
}

export async function deleteIndicatorAction(code: string, input: unknown) {
  return staffAction('editor', indicatorDeleteSchema, ({ version, reason }, actor) => deleteIndicator({ reportSlug, code, version, reason }, actor))(input);
}
