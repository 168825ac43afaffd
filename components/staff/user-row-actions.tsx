'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions';
import { PASSWORD_MIN_LENGTH } from '@/lib/password-policy';
import { changeRoleFormSchema, resetPasswordFormSchema } from '@/lib/validations/user';
import { USER_ROLE_LABELS, USER_ROLES, type UserRole } from '@/lib/vocabulary';
import { FieldError, FormMessage } from './field-error';

type Action<T> = (input: unknown) => Promise<ActionResult<T>>;
type Message = { tone: 'error' | 'success'; text: string } | null;

type Props = {
  user: {
    id: number;
    email: string;
    role: UserRole;
    active: boolean;
    /** A second factor is enrolled. */
    secondFactorOn: boolean;
    /** An admin marked this account as having to use one. */
    secondFactorMarked: boolean;
    /** It must anyway, being an admin (SECOND_FACTOR_POLICY=admins). */
    secondFactorByRole: boolean;
  };
  isSelf: boolean;
  changeRole: Action<{ email: string; role: UserRole }>;
  setActive: Action<{ email: string; active: boolean }>;
  resetPassword: Action<{ email: string }>;
  setSecondFactorRequired: Action<{ email: string; required: boolean }>;
  resetSecondFactor: Action<{ email: string }>;
};

/** One account's controls: role, active flag, password, second factor. Each change but the second-factor requirement signs that account out. */
export function UserRowActions({ user, isSelf, changeRole, setActive, resetPassword, setSecondFactorRequired, resetSecondFactor }: Props) {
  const id = useId();
  const [message, setMessage] = useState<Message>(null);
  const [toggling, startToggle] = useTransition();

  const show = (result: ActionResult<unknown>, success: string) =>
    setMessage(result.ok ? { tone: 'success', text: success } : { tone: 'error', text: result.message });

  const roleForm = useForm<z.input<typeof changeRoleFormSchema>, unknown, z.output<typeof changeRoleFormSchema>>({
    resolver: zodResolver(changeRoleFormSchema),
    defaultValues: { role: user.role },
  });
  const onRole = roleForm.handleSubmit(async ({ role }) => {
    setMessage(null);
    if (role === user.role) return setMessage({ tone: 'error', text: `Tài khoản này đã là ${USER_ROLE_LABELS[role].toLowerCase()}.` });
    const result = await changeRole({ userId: user.id, role });
    if (!result.ok) roleForm.reset({ role: user.role });
    show(result, `Đã đổi vai trò của ${user.email} thành ${USER_ROLE_LABELS[role].toLowerCase()}; tài khoản này đã được đăng xuất.`);
  });

  const passwordForm = useForm<z.input<typeof resetPasswordFormSchema>, unknown, z.output<typeof resetPasswordFormSchema>>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { password: '' },
  });
  const onPassword = passwordForm.handleSubmit(async ({ password }) => {
    setMessage(null);
    const result = await resetPassword({ userId: user.id, password });
    if (result.ok) passwordForm.reset();
    else if (result.fieldErrors?.password?.[0]) passwordForm.setError('password', { message: result.fieldErrors.password[0] }, { shouldFocus: true });
    show(result, `Đã đặt mật khẩu mới cho ${user.email}; tài khoản này đã được đăng xuất.`);
  });

  const toggle = () =>
    startToggle(async () => {
      setMessage(null);
      const result = await setActive({ userId: user.id, active: !user.active });
      show(result, user.active ? `Đã khoá tài khoản ${user.email} và đăng xuất tài khoản này.` : `Đã mở lại tài khoản ${user.email}.`);
    });

  const toggleRequirement = () =>
    startToggle(async () => {
      setMessage(null);
      const required = !user.secondFactorMarked;
      const result = await setSecondFactorRequired({ userId: user.id, required });
      show(
        result,
        required
          ? `Đã bắt buộc xác thực hai bước cho ${user.email}.${user.secondFactorOn ? '' : ' Lần tới, tài khoản này sẽ được đưa đến trang bật xác thực hai bước trước.'}`
          : `Đã bỏ bắt buộc xác thực hai bước cho ${user.email}.`,
      );
    });

  const resetFactor = () =>
    startToggle(async () => {
      setMessage(null);
      const result = await resetSecondFactor({ userId: user.id });
      show(result, `Đã đặt lại xác thực hai bước của ${user.email}; tài khoản này đã được đăng xuất.`);
    });

  const roleError = roleForm.formState.errors.role?.message;
  const passwordError = passwordForm.formState.errors.password?.message;

  return (
    <div className="row-actions">
      <form onSubmit={(e) => void onRole(e)} noValidate className="inline-form" aria-label={`Đổi vai trò của ${user.email}`}>
        <label htmlFor={`${id}-role`}>Vai trò</label>
        <select
          id={`${id}-role`}
          {...roleForm.register('role')}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? `${id}-role-error` : undefined}
        >
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {USER_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary" disabled={roleForm.formState.isSubmitting}>
          Lưu vai trò
        </button>
        <FieldError id={`${id}-role-error`} message={roleError} />
      </form>

      <button type="button" className={user.active ? 'button-danger' : 'button-secondary'} onClick={toggle} disabled={toggling}>
        {user.active ? (isSelf ? 'Khoá tài khoản của tôi' : 'Khoá tài khoản') : 'Mở lại tài khoản'}
      </button>

      {user.secondFactorByRole ? null : (
        <button type="button" className="button-secondary" onClick={toggleRequirement} disabled={toggling}>
          {user.secondFactorMarked ? 'Bỏ bắt buộc xác thực hai bước' : 'Bắt buộc xác thực hai bước'}
        </button>
      )}
      {user.secondFactorOn ? (
        <button type="button" className="button-danger" onClick={resetFactor} disabled={toggling}>
          Đặt lại xác thực hai bước
        </button>
      ) : null}

      <details>
        <summary>Đặt lại mật khẩu</summary>
        <form onSubmit={(e) => void onPassword(e)} noValidate aria-label={`Đặt lại mật khẩu của ${user.email}`}>
          <div className="field">
            <label htmlFor={`${id}-password`}>Mật khẩu mới</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              {...passwordForm.register('password')}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={`${id}-password-hint${passwordError ? ` ${id}-password-error` : ''}`}
            />
            <p className="hint" id={`${id}-password-hint`}>
              Ít nhất {PASSWORD_MIN_LENGTH} ký tự. Các phiên đăng nhập của tài khoản sẽ kết thúc.
            </p>
            <FieldError id={`${id}-password-error`} message={passwordError} />
          </div>
          <button type="submit" className="button-secondary" disabled={passwordForm.formState.isSubmitting}>
            Đặt mật khẩu mới
          </button>
        </form>
      </details>

      <FormMessage tone={message?.tone ?? 'success'}>{message?.text}</FormMessage>
    </div>
  );
}
