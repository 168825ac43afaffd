import { z } from 'zod';
import { EDIT_REASON_KINDS } from '@/lib/vocabulary';
import { safeText } from './text';

// Declared in lib/vocabulary.ts; re-exported under its former name for modules not yet importing it from there.

const KIND_MISSING = 'Hãy chọn loại thay đổi.';

/** Every save carries a reason: a kind and a short text. No reason, no save. */
export const reasonSchema = z.object({
  // Any text in ("" until staff choose: the form's "— Chọn —"), one of the kinds out.
  kind: z.string({ error: KIND_MISSING }).pipe(z.enum(EDIT_REASON_KINDS, { error: KIND_MISSING })),
  text: z
    .string({ error: 'Hãy ghi lý do thay đổi.' })
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(
      safeText('lý do')
        .min(5, 'Lý do cần ít nhất 5 ký tự, để người xem lịch sử hiểu vì sao có thay đổi.')
        .max(500, 'Lý do tối đa 500 ký tự.'),
    ),
});
export type Reason = z.output<typeof reasonSchema>;
