'use client';
import type { FieldError as FieldErrorState, UseFormRegisterReturn } from 'react-hook-form';
import { EDIT_REASON_KINDS, REASON_KIND_LABELS } from '@/lib/vocabulary';
import { FieldError } from './field-error';

/**
 * "Why": every save carries a kind of change and a short text. The form registers both
 * (`register('reason.kind')`, `register('reason.text')`) and passes its `errors.reason`.
 */
export function ReasonFields({
  kind,
  text,
  errors,
  idPrefix,
}: {
  kind: UseFormRegisterReturn<'reason.kind'>;
  text: UseFormRegisterReturn<'reason.text'>;
  errors: { kind?: FieldErrorState; text?: FieldErrorState } | undefined;
  idPrefix: string;
}) {
  return (
    <fieldset className="reason">
      <legend>Lý do thay đổi (bắt buộc)</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason-kind`}>Loại thay đổi</label>
        <select
          id={`${idPrefix}-reason-kind`}
          {...kind}
          aria-invalid={errors?.kind ? true : undefined}
          aria-describedby={errors?.kind ? `${idPrefix}-reason-kind-error` : undefined}
        >
          <option value="">— Chọn —</option>
          {EDIT_REASON_KINDS.map((k) => (
            <option key={k} value={k}>
              {REASON_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-reason-kind-error`} message={errors?.kind?.message} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason-text`}>Giải thích ngắn</label>
        <input
          id={`${idPrefix}-reason-text`}
          type="text"
          autoComplete="off"
          {...text}
          aria-invalid={errors?.text ? true : undefined}
          aria-describedby={errors?.text ? `${idPrefix}-reason-text-error` : `${idPrefix}-reason-text-hint`}
        />
        <p className="hint" id={`${idPrefix}-reason-text-hint`}>
          Ví dụ: “Cập nhật theo số liệu chính thức của Cục Thống kê”.
        </p>
        <FieldError id={`${idPrefix}-reason-text-error`} message={errors?.text?.message} />
      </div>
    </fieldset>
  );
}
