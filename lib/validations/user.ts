/** Account administration forms: each schema serves its react-hook-form resolver and its server action. */
import { z } from 'zod';
import { passwordSchema } from '@/lib/password-policy';
import { emailSchema } from './auth';
import { USER_ROLES } from '@/lib/vocabulary';
import { requiredText } from './text';

// Declared in lib/vocabulary.ts; re-exported under their former names for modules not yet importing them from there.

const role = z.enum(USER_ROLES, { error: 'Chọn vai trò.' });
const userId = z.number({ error: 'Thiếu tài khoản cần thay đổi.' }).int().positive();

export const newUserSchema = z.object({
  email: emailSchema,
  displayName: requiredText('tên hiển thị', 120),
  role,
  password: passwordSchema,
});
export type NewUserInput = z.output<typeof newUserSchema>;

export const changeRoleSchema = z.object({ userId, role });
export const setActiveSchema = z.object({ userId, active: z.boolean() });
export const resetPasswordSchema = z.object({ userId, password: passwordSchema });

/** The per-row forms: the row's id comes from the page, not from a field the user edits. */
export const changeRoleFormSchema = changeRoleSchema.omit({ userId: true });
export const resetPasswordFormSchema = resetPasswordSchema.omit({ userId: true });
