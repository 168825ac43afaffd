'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions';
import { confirmSecondFactorSchema } from '@/lib/validations/second-factor';
import { FieldError, FormMessage } from './field-error';

type Props = { action: (input: unknown) => Promise<ActionResult<{ recoveryCodes: string[] }>> };

/** Confirm enrolment with the first code; then the ten recovery codes, shown this once. */
export function SecondFactorEnrolment({ action }: Props) {
  const [message, setMessage] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof confirmSecondFactorSchema>, unknown, z.output<typeof confirmSecondFactorSchema>>({
    resolver: zodResolver(confirmSecondFactorSchema),
    defaultValues: { code: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage('');
    const result = await action(values);
    if (result.ok) {
      setCodes(result.data.recoveryCodes);
      return;
    }
    setValue('code', '');
    if (result.fieldErrors?.code?.[0]) setError('code', { message: result.fieldErrors.code[0] }, { shouldFocus: true });
    setMessage(result.message);
  });

  if (codes) {
    return (
      <section aria-labelledby="ma-khoi-phuc" className="recovery-codes">
        <FormMessage tone="success">Đã bật xác thực hai bước.</FormMessage>
        <h3 id="ma-khoi-phuc">Mã khôi phục</h3>
        <p>
          Hãy in hoặc chép mười mã dưới đây và cất ở nơi an toàn. Khi không có điện thoại, mỗi mã thay cho mã 6 chữ số một lần.{' '}
          <strong>Các mã này chỉ hiện một lần.</strong>
        </p>
        <ul className="code-list" aria-label="Mã khôi phục">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/quan-tri">Tôi đã lưu các mã, vào khu vực biên tập</Link>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="staff-form" aria-label="Xác nhận xác thực hai bước">
      <FormMessage tone="error">{message}</FormMessage>
      <div className="field">
        <label htmlFor="ma-xac-nhan">Mã 6 chữ số</label>
        <input
          id="ma-xac-nhan"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          {...register('code')}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? 'ma-xac-nhan-loi' : undefined}
        />
        <FieldError id="ma-xac-nhan-loi" message={errors.code?.message} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Đang xác nhận…' : 'Xác nhận và bật'}
      </button>
    </form>
  );
}
