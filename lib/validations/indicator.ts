import { z } from 'zod';
import { parseViNumber } from '@/lib/number';
import { INDICATOR_STATUSES, VALUE_KINDS, VALUE_ROLES, VALUE_ROLE_LABELS, type ValueRole } from '@/lib/vocabulary';
import { reasonSchema } from './reason';
import { baseVersion, optionalText, requiredText, translationText } from './text';

/** A number typed the Vietnamese way ("1.234,5", "6,20"): parsed exactly or refused, never guessed. */
export const viDecimal = z.string({ error: 'Hãy nhập giá trị.' }).transform((input, ctx) => {
  const parsed = parseViNumber(input);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

export const valueSchema = z.object({
  role: z.enum(VALUE_ROLES, { error: 'Chọn: giá trị thực hiện hay chỉ tiêu.' }),
  year: z
    .string({ error: 'Hãy nhập năm.' })
    .trim()
    .regex(/^\d{4}$/, 'Năm gồm 4 chữ số, ví dụ 2025.')
    .transform(Number)
    .pipe(z.number().min(1900, 'Năm không hợp lệ.').max(2200, 'Năm không hợp lệ.')),
  value: viDecimal,
  kind: z.enum(VALUE_KINDS, { error: 'Chọn loại số liệu.' }),
  periodLabel: optionalText('kỳ số liệu', 200),
  qualifier: optionalText('từ đi kèm', 40),
  note: optionalText('ghi chú', 1000),
});

const indicatorFields = z.object({
  name: requiredText('tên chỉ tiêu', 300),
  area: requiredText('lĩnh vực', 120),
  unit: optionalText('đơn vị tính', 80),
  status: z.enum(INDICATOR_STATUSES, { error: 'Chọn đánh giá.' }),
  statusNote: optionalText('ghi chú đánh giá', 500),
  namedAsKeyIndicator: z.boolean(),
  targetComparison: optionalText('so sánh với chỉ tiêu', 300),
  baselineComparison: optionalText('so sánh với năm gốc', 300),
  sourceSentence: optionalText('câu trong văn bản gốc', 2000),
  note: optionalText('ghi chú', 2000),
  // English for the public English pages; the source sentence and comparisons stay as the report writes them.
  translations: z
    .object({
      en: z
        .object({
          name: translationText('tên chỉ tiêu (tiếng Anh)', 300),
          area: translationText('lĩnh vực (tiếng Anh)', 120),
          unit: translationText('đơn vị tính (tiếng Anh)', 80),
          statusNote: translationText('ghi chú đánh giá (tiếng Anh)', 500),
          note: translationText('ghi chú (tiếng Anh)', 2000),
        })
        .prefault({}),
    })
    .prefault({ en: {} }),
  values: z.array(valueSchema).max(40, 'Tối đa 40 giá trị.'),
  reason: reasonSchema,
});

function uniqueYears(values: Array<{ role: ValueRole; year: number }>, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((v, index) => {
    const key = `${v.role}:${v.year}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['values', index, 'year'],
        message: `Đã có một giá trị ${VALUE_ROLE_LABELS[v.role].toLowerCase()} cho năm ${v.year}.`,
      });
    }
    seen.add(key);
  });
}

/** Editing an existing indicator (its code is in the URL). */
export const indicatorEditSchema = indicatorFields
  .extend({ version: baseVersion })
  .superRefine((data, ctx) => uniqueYears(data.values, ctx));

/** Adding an indicator the appendix does not detail. */
export const indicatorCreateSchema = indicatorFields
  .extend({
    code: z
      .string({ error: 'Hãy nhập mã.' })
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ ty-le-ho-ngheo.')
      .max(80, 'Mã tối đa 80 ký tự.'),
  })
  .superRefine((data, ctx) => uniqueYears(data.values, ctx));

export const indicatorDeleteSchema = z.object({ version: baseVersion, reason: reasonSchema });

export type IndicatorEditInput = z.input<typeof indicatorEditSchema>;
export type IndicatorEdit = z.output<typeof indicatorEditSchema>;
export type IndicatorCreateInput = z.input<typeof indicatorCreateSchema>;
export type IndicatorCreate = z.output<typeof indicatorCreateSchema>;
export type ValueInput = z.input<typeof valueSchema>;
