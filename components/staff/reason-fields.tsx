'use client';
import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { reasonKindLabels, reasonKinds } from '@/lib/validations/reason';
import { FieldError } from './field-error';

type WithReason = FieldValues & { reason: { kind: string; text: string } };

/** "Why": every save carries a kind of change and a short text. */
export function ReasonFields<T extends WithReason>({
  register,
  errors,
  idPrefix,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  idPrefix: string;
}) {
  const reasonErrors = (errors as FieldErrors<WithReason>).reason;
  return (
    <fieldset className="reason">
      <legend>Lý do thay đổi (bắt buộc)</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason-kind`}>Loại thay đổi</label>
        <select
          id={`${idPrefix}-reason-kind`}
          {...register('reason.kind' as Path<T>)}
          aria-invalid={reasonErrors?.kind ? true : undefined}
          aria-describedby={reasonErrors?.kind ? `${idPrefix}-reason-kind-error` : undefined}
        >
          <option value="">— Chọn —</option>
          {reasonKinds.map((k) => (
            <option key={k} value={k}>
              {reasonKindLabels[k]}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-reason-kind-error`} message={reasonErrors?.kind?.message} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason-text`}>Giải thích ngắn</label>
        <input
          id={`${idPrefix}-reason-text`}
          type="text"
          autoComplete="off"
          {...register('reason.text' as Path<T>)}
          aria-invalid={reasonErrors?.text ? true : undefined}
          aria-describedby={reasonErrors?.text ? `${idPrefix}-reason-text-error` : `${idPrefix}-reason-text-hint`}
        />
        <p className="hint" id={`${idPrefix}-reason-text-hint`}>
          Ví dụ: “Cập nhật theo số liệu chính thức của Cục Thống kê”.
        </p>
        <FieldError id={`${idPrefix}-reason-text-error`} message={reasonErrors?.text?.message} />
      </div>
    </fieldset>
  );
}
