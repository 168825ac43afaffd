import { z } from 'zod';

export const reasonKinds = ['sua_loi', 'cap_nhat_so_lieu', 'bo_sung', 'bien_tap'] as const;
export type EditReasonKind = (typeof reasonKinds)[number];

export const reasonKindLabels: Record<EditReasonKind | 'import', string> = {
  sua_loi: 'Sửa lỗi',
  cap_nhat_so_lieu: 'Cập nhật số liệu chính thức',
  bo_sung: 'Bổ sung',
  bien_tap: 'Biên tập câu chữ',
  import: 'Nhập từ văn bản gốc',
};

/** Every save carries a reason: a kind and a short text. No reason, no save. */
export const reasonSchema = z.object({
  kind: z.enum(reasonKinds, { error: 'Hãy chọn loại thay đổi.' }),
  text: z
    .string({ error: 'Hãy ghi lý do thay đổi.' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(5, 'Lý do cần ít nhất 5 ký tự, để người xem lịch sử hiểu vì sao có thay đổi.')
        .max(500, 'Lý do tối đa 500 ký tự.'),
    ),
});
export type Reason = z.output<typeof reasonSchema>;
