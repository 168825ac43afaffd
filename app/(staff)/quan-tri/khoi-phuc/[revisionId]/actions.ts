'use server';
import { restoreRevision } from '@/db/queries/edits';
import { staffAction } from '@/lib/actions';
import { historyHref } from '@/lib/history-routes';
import { restoreSchema } from '@/lib/validations/section';

export async function restoreRevisionAction(input: unknown) {
  return staffAction('editor', restoreSchema, async ({ revisionId, version, reason }, actor) => {
    const restored = await restoreRevision({ revisionId, version, reason }, actor);
    return { ...restored, historyHref: historyHref(restored.itemType, restored.itemId) };
  })(input);
}

