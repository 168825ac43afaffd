'use server';
/**
 * Account administration. Admin only: the wrapper checks the session and role, and every
 * data function re-checks the actor inside its transaction. Role changes, deactivation,
 * password resets and second-factor resets end the account's sessions (db/queries/accounts.ts,
 * db/queries/second-factor.ts).
 */
import { revalidatePath } from 'next/cache';
import { createUser, resetPassword, updateUser } from '@/db/queries/accounts';
import { resetSecondFactor, setSecondFactorRequired } from '@/db/queries/second-factor';
import { staffAction } from '@/lib/actions';
import { resetSecondFactorSchema, secondFactorRequirementSchema } from '@/lib/validations/second-factor';
import { changeRoleSchema, newUserSchema, resetPasswordSchema, setActiveSchema } from '@/lib/validations/user';

const PAGE = '/quan-tri/nguoi-dung';

export const createUserAction = staffAction('admin', newUserSchema, async (data, actor) => {
  const user = await createUser({ ...data, by: actor });
  revalidatePath(PAGE);
  return { email: user.email };
});

export const changeRoleAction = staffAction('admin', changeRoleSchema, async ({ userId, role }, actor) => {
  const user = await updateUser({ userId, role, by: actor });
  revalidatePath(PAGE);
  return { email: user.email, role: user.role };
});

export const setActiveAction = staffAction('admin', setActiveSchema, async ({ userId, active }, actor) => {
  const user = await updateUser({ userId, active, by: actor });
  revalidatePath(PAGE);
  return { email: user.email, active: user.active };
});

export const resetPasswordAction = staffAction('admin', resetPasswordSchema, async ({ userId, password }, actor) => {
  const user = await resetPassword({ userId, password, by: actor });
  revalidatePath(PAGE);
  return { email: user.email };
});

export const setSecondFactorRequiredAction = staffAction('admin', secondFactorRequirementSchema, async ({ userId, required }, actor) => {
  const user = await setSecondFactorRequired({ userId, required, by: actor });
  revalidatePath(PAGE);
  return { email: user.email, required: user.secondFactorRequired };
});

export const resetSecondFactorAction = staffAction('admin', resetSecondFactorSchema, async ({ userId }, actor) => {
  const user = await resetSecondFactor({ userId, by: actor });
  revalidatePath(PAGE);
  return { email: user.email };
});
