/** Second-factor forms: enrolment's confirmation code (the security page) and the admin's controls (the users page). */
import { z } from 'zod';

const userId = z.number({ error: 'Thiếu tài khoản cần thay đổi.' }).int().positive();

/** The first code from the app: six digits (spaces allowed, as some apps show "123 456"). */
export const confirmSecondFactorSchema = z.object({
  code: z
    .string({ error: 'Nhập mã 6 chữ số.' })
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().min(1, 'Nhập mã 6 chữ số đang hiện trong ứng dụng.').regex(/^\d{6}$/, 'Mã gồm đúng 6 chữ số.')),
});
export type ConfirmSecondFactorInput = z.output<typeof confirmSecondFactorSchema>;

export const secondFactorRequirementSchema = z.object({ userId, required: z.boolean() });
export const resetSecondFactorSchema = z.object({ userId });
