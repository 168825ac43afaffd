'use server';
import { createIndicator, deleteIndicator, saveIndicator } from '@/db/queries/edits';
import { staffAction } from '@/lib/actions';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { boundKey, indicatorCode } from '@/lib/validations/params';
import { indicatorCreateSchema, indicatorDeleteSchema, indicatorEditSchema } from '@/lib/validations/indicator';

const reportSlug = DEFAULT_REPORT_SLUG;

const NO_INDICATOR = 'Không tìm thấy chỉ tiêu này.';

export async function saveIndicatorAction(code: unknown, input: unknown) {
  return staffAction('editor', indicatorEditSchema, async (edit, actor) => {
    const key = boundKey(indicatorCode, code, NO_INDICATOR);
    return { ...(await saveIndicator({ reportSlug, code: key, edit }, actor)), code: key };
  })(input);
}

export async function createIndicatorAction(input: unknown) {
  return staffAction('editor', indicatorCreateSchema, (data, actor) => createIndicator({ reportSlug, input: data }, actor))(input);
}

export async function deleteIndicatorAction(code: unknown, input: unknown) {
  return staffAction('editor', indicatorDeleteSchema, ({ version, reason }, actor) =>
    deleteIndicator({ reportSlug, code: boundKey(indicatorCode, code, NO_INDICATOR), version, reason }, actor),
  )(input);
}
