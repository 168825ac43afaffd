'use server';
import { updateTag } from 'next/cache';
import { restoreRevision } from '@/db/queries/edits';
import { staffAction } from '@/lib/actions';
import { historyHref } from '@/lib/history-routes';
import { restoreSchema } from '@/lib/validations/section';

export async function restoreRevisionAction(input: unknown) {
  return staffAction('editor', restoreSchema, async ({ revisionId, version, reason }, actor) => {
    const restored = await restoreRevision({ revisionId, version, reason }, actor);
    restored.invalidate.forEach((tag) => updateTag(tag));
    return { version: restored.version, revisionId: restored.revisionId, historyHref: historyHref(restored.itemType, restored.itemId) };
  })(input);
}

