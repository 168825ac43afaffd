import { z } from 'zod';
import { reasonSchema } from './reason';
import { baseVersion, optionalText, requiredText, safeText, translationText } from './text';

export const sectionEditSchema = z.object({
  title: requiredText('tiêu đề mục', 200),
  heading: optionalText('tiêu đề trong văn bản gốc', 300),
  body: z
    .string({ error: 'Thiếu nội dung.' })
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n'))
    .pipe(safeText('nội dung').max(100_000, 'Nội dung tối đa 100.000 ký tự.')),
  translations: z
    .object({
      en: z
        .object({
          title: translationText('tiêu đề mục (tiếng Anh)', 200),
          heading: translationText('tiêu đề trong văn bản gốc (tiếng Anh)', 300),
          body: translationText('nội dung (tiếng Anh)', 100_000),
        })
        .prefault({}),
    })
    .prefault({ en: {} }),
  version: baseVersion,
  reason: reasonSchema,
});
export type SectionEditInput = z.input<typeof sectionEditSchema>;
export type SectionEdit = z.output<typeof sectionEditSchema>;

export const restoreSchema = z.object({
  revisionId: z.coerce.number().int().min(1),
  // 0: the item had been deleted and the restore brings it back.
  version: z.coerce.number().int().min(0),
  reason: reasonSchema,
});
export type RestoreInput = z.input<typeof restoreSchema>;
