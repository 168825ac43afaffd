'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions';
import { PASSWORD_MIN_LENGTH } from '@/lib/password-policy';
import { newUserSchema } from '@/lib/validations/user';
import { USER_ROLE_LABELS, USER_ROLES } from '@/lib/vocabulary';
import { FieldError, FormMessage } from './field-error';

type Values = z.input<typeof newUserSchema>;
const fields = ['email', 'displayName', 'role', 'password'] as const;
const isField = (name: string): name is (typeof fields)[number] => (fields as readonly string[]).includes(name);

type Message = { tone: 'error' | 'success'; text: string } | null;

export function NewUserForm({ action }: { action: (input: unknown) => Promise<ActionResult<{ email: string }>> }) {
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const [message, setMessage] = useState<Message>(null);
  const [showPassword, setShowPassword] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof newUserSchema>>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { email: '', displayName: '', role: 'editor', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await action(values);
    if (result.ok) {
      reset();
      setShowPassword(false);
      setMessage({
        tone: 'success',
        text: `Đã tạo tài khoản ${result.data.email}. Hãy gửi mật khẩu ban đầu cho người dùng qua một kênh riêng (gặp trực tiếp hoặc gọi điện), không gửi kèm email đăng nhập.`,
      });
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (isField(field) && messages[0]) setError(field, { message: messages[0] }, { shouldFocus: true });
    }
    setMessage({ tone: 'error', text: result.message });
  });

  const describedBy = (name: (typeof fields)[number], hint?: boolean) =>
    [hint ? fieldId(`${name}-hint`) : null, errors[name] ? fieldId(`${name}-error`) : null].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="staff-form" aria-label="Thêm tài khoản">
      <FormMessage tone={message?.tone ?? 'success'}>{message?.text}</FormMessage>
      <div className="field">
        <label htmlFor={fieldId('email')}>Email</label>
        <input
          id={fieldId('email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...register('email')}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy('email')}
        />
        <FieldError id={fieldId('email-error')} message={errors.email?.message} />
      </div>
      <div className="field">
        <label htmlFor={fieldId('displayName')}>Tên hiển thị</label>
        <input
          id={fieldId('displayName')}
          type="text"
          autoComplete="off"
          {...register('displayName')}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={describedBy('displayName', true)}
        />
        <p className="hint" id={fieldId('displayName-hint')}>
          Hiện trong lịch sử thay đổi, ví dụ “Nguyễn Văn An (Văn phòng Tỉnh uỷ)”.
        </p>
        <FieldError id={fieldId('displayName-error')} message={errors.displayName?.message} />
      </div>
      <div className="field">
        <label htmlFor={fieldId('role')}>Vai trò</label>
        <select id={fieldId('role')} {...register('role')} aria-invalid={errors.role ? true : undefined} aria-describedby={describedBy('role')}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {USER_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <FieldError id={fieldId('role-error')} message={errors.role?.message} />
      </div>
      <div className="field">
        <label htmlFor={fieldId('password')}>Mật khẩu ban đầu</label>
        <input
          id={fieldId('password')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          {...register('password')}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy('password', true)}
        />
        <p className="hint" id={fieldId('password-hint')}>
          Ít nhất {PASSWORD_MIN_LENGTH} ký tự; nên là một cụm từ dễ nhớ. Không dùng mật khẩu phổ biến.
        </p>
        <FieldError id={fieldId('password-error')} message={errors.password?.message} />
      </div>
      <div className="field field--check">
        <input id={fieldId('show')} type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        <label htmlFor={fieldId('show')}>Hiện mật khẩu</label>
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Đang tạo…' : 'Tạo tài khoản'}
      </button>
    </form>
  );
}
