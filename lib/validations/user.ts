/** Account administration forms: each schema serves its react-hook-form resolver and its server action. */
import { z } from 'zod';
import { passwordSchema } from '@/lib/password-policy';
import { emailSchema } from './auth';
import { requiredText } from './text';

export const roles = ['admin', 'editor'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị viên',
  editor: 'Biên tập viên',
};

const role = z.enum(roles, { error: 'Chọn vai trò.' });
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
