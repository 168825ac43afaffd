'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { signInAction } from '@/app/(auth)/dang-nhap/actions';
import { FieldError } from '@/components/staff/field-error';
import { signInSchema } from '@/lib/validations/auth';

type Values = z.input<typeof signInSchema>;

export function SignInForm({ next }: { next: string }) {
  const [message, setMessage] = useState('');
  // The second step: shown once the server says this account has a second factor.
  const [askCode, setAskCode] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '', code: '' },
  });

  // Once the code field appears (after this render commits), the cursor goes there.
  useEffect(() => {
    if (askCode) setFocus('code');
  }, [askCode, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setMessage('');
    // On success the action redirects and this component goes away.
    const result = await signInAction({ ...values, next });
    if (!result || result.ok) return;
    const codeAsked = Boolean(result.fieldErrors?.code);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if ((field === 'email' || field === 'password') && messages[0]) setError(field, { message: messages[0] });
    }
    setMessage(result.message);
    if (codeAsked) {
      // The password was right: keep it, ask for the code (a refused code is cleared for the next one).
      setValue('code', '');
      if (askCode) setError('code', { message: result.fieldErrors?.code?.[0] }, { shouldFocus: true });
      else setAskCode(true); // the field appears, and the effect above focuses it
      return;
    }
    // The email stays as typed; the password (and any code) is cleared for the next try.
    setValue('password', '');
    setValue('code', '');
    setFocus(result.fieldErrors?.email ? 'email' : 'password');
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="staff-form auth-form" aria-describedby="dang-nhap-thong-bao">
      <div id="dang-nhap-thong-bao" className="form-message form-message--error" role="alert" aria-atomic="true">
        {message}
      </div>
      <div className="field">
        <label htmlFor="dang-nhap-email">Email</label>
        <input
          id="dang-nhap-email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          {...register('email')}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'dang-nhap-email-loi' : undefined}
        />
        <FieldError id="dang-nhap-email-loi" message={errors.email?.message} />
      </div>
      <div className="field">
        <label htmlFor="dang-nhap-mat-khau">Mật khẩu</label>
        <input
          id="dang-nhap-mat-khau"
          type="password"
          autoComplete="current-password"
          {...register('password')}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'dang-nhap-mat-khau-loi' : undefined}
        />
        <FieldError id="dang-nhap-mat-khau-loi" message={errors.password?.message} />
      </div>
      {askCode ? (
        <div className="field">
          <label htmlFor="dang-nhap-ma">Mã xác thực</label>
          <input
            id="dang-nhap-ma"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            {...register('code')}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={`dang-nhap-ma-goi-y${errors.code ? ' dang-nhap-ma-loi' : ''}`}
          />
          <p className="hint" id="dang-nhap-ma-goi-y">
            Mã 6 chữ số trong ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…). Mất điện thoại? Nhập một
            trong các mã khôi phục đã lưu; mỗi mã chỉ dùng được một lần.
          </p>
          <FieldError id="dang-nhap-ma-loi" message={errors.code?.message} />
        </div>
      ) : null}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
      <p className="hint">Quên mật khẩu? Hãy liên hệ quản trị viên của cổng thông tin để được đặt lại.</p>
    </form>
  );
}
