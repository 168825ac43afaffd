'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions';
import type { IndicatorSnapshot } from '@/db/snapshots';
import { indicatorCreateSchema, indicatorEditSchema } from '@/lib/validations/indicator';
import { statusLabel } from '@/lib/status';
import { kindLabel } from '@/lib/indicator';
import { INDICATOR_STATUSES, VALUE_KINDS, VALUE_ROLES, VALUE_ROLE_LABELS } from '@/lib/vocabulary';
import {
  indicatorFormValues,
  type emptyIndicatorFormValues,
  type IndicatorFormValues,
} from './indicator-form-values';
import { FieldError, FormMessage } from './field-error';
import { ReasonFields } from './reason-fields';
import { ConflictPanel } from './conflict-panel';
import { useVersionedSave } from './use-versioned-save';

type Saved = { version: number; revisionId: number; code: string };

type Props = {
  mode: 'edit' | 'create';
  initial: IndicatorFormValues | ReturnType<typeof emptyIndicatorFormValues>;
  action: (input: unknown) => Promise<ActionResult<Saved>>;
};

/** "Số liệu báo cáo", "Ước tính", "Suy ra": the kind's name (messages `value.kind`), as an option. */
const kindOption = (kind: (typeof VALUE_KINDS)[number]) => {
  const label = kindLabel(kind);
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
};

/** The English translation of the reader-facing text (the source sentence and comparisons stay as written). */
const englishFields = [
  ['name', 'Tên chỉ tiêu (tiếng Anh)', 'input'],
  ['area', 'Lĩnh vực (tiếng Anh)', 'input'],
  ['unit', 'Đơn vị tính (tiếng Anh)', 'input'],
  ['statusNote', 'Ghi chú đánh giá (tiếng Anh)', 'input'],
  ['note', 'Ghi chú (tiếng Anh)', 'textarea'],
] as const;

const textFields = [
  ['area', 'Lĩnh vực', 'input'],
  ['unit', 'Đơn vị tính', 'input'],
  ['targetComparison', 'So với chỉ tiêu (như văn bản viết)', 'input'],
  ['baselineComparison', 'So với năm gốc (như văn bản viết)', 'input'],
  ['statusNote', 'Ghi chú đánh giá', 'input'],
  ['sourceSentence', 'Câu trong văn bản gốc', 'textarea'],
  ['note', 'Ghi chú về chỉ tiêu', 'textarea'],
] as const;

export function IndicatorForm({ mode, initial, action }: Props) {
  const schema = mode === 'edit' ? indicatorEditSchema : indicatorCreateSchema;
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    mode: 'onBlur',
  });
  const { register, handleSubmit, formState, getValues, control } = form;
  const { errors, isSubmitting } = formState;
  // Only the create schema has a code.
  const codeError = 'code' in errors ? errors.code : undefined;
  const values = useFieldArray({ control, name: 'values' });
  const { message, conflict, save, keepMine, takeCurrent } = useVersionedSave(form, {
    toValues: (snapshot: IndicatorSnapshot, version) => indicatorFormValues(snapshot, version),
    publicHref: (saved: Saved) => `/chi-tieu/${saved.code}`,
  });

  const onSubmit = handleSubmit(async () => {
    // Send what the user typed; the server parses it with the same schema.
    const saved = await save(action);
    if (saved && mode === 'create') window.location.assign(`/quan-tri/chi-tieu/${saved.code}?moi=1`);
  });

  const fieldId = (name: string) => `indicator-${name.replace(/\./g, '-')}`;
  const describedBy = (name: string, hasError: boolean) => (hasError ? `${fieldId(name)}-error` : undefined);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="staff-form" aria-label={mode === 'edit' ? 'Sửa chỉ tiêu' : 'Thêm chỉ tiêu'}>
      <FormMessage tone={message?.tone ?? 'info'}>{message?.text}</FormMessage>
      {conflict ? (
        <ConflictPanel
          kind="indicator"
          current={conflict.snapshot}
          currentVersion={conflict.version}
          mine={getValues()}
          onKeepMine={keepMine}
          onTakeCurrent={takeCurrent}
        />
      ) : null}

      <input type="hidden" {...register('version')} />
      {mode === 'create' ? (
        <div className="field">
          <label htmlFor={fieldId('code')}>Mã chỉ tiêu (dùng trong đường dẫn)</label>
          <input id={fieldId('code')} {...register('code')} aria-invalid={codeError ? true : undefined} aria-describedby={describedBy('code', !!codeError)} />
          <FieldError id={`${fieldId('code')}-error`} message={codeError?.message} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId('name')}>Tên chỉ tiêu</label>
        <input id={fieldId('name')} {...register('name')} aria-invalid={errors.name ? true : undefined} aria-describedby={describedBy('name', !!errors.name)} />
        <FieldError id={`${fieldId('name')}-error`} message={errors.name?.message} />
      </div>
      <div className="field">
        <label htmlFor={fieldId('status')}>Đánh giá</label>
        <select id={fieldId('status')} {...register('status')}>
          {INDICATOR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--check">
        <input id={fieldId('named')} type="checkbox" {...register('namedAsKeyIndicator')} />
        <label htmlFor={fieldId('named')}>Văn bản nêu tên đây là một trong các chỉ tiêu chủ yếu</label>
      </div>
      {textFields.map(([name, label, as]) => {
        const error = errors[name]?.message;
        const props = {
          id: fieldId(name),
          ...register(name),
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy(name, !!error),
        };
        return (
          <div className="field" key={name}>
            <label htmlFor={fieldId(name)}>{label}</label>
            {as === 'textarea' ? <textarea rows={3} {...props} /> : <input {...props} />}
            <FieldError id={`${fieldId(name)}-error`} message={error} />
          </div>
        );
      })}

      <fieldset>
        <legend>Bản dịch tiếng Anh (không bắt buộc)</legend>
        <p className="hint" id={fieldId('translations-hint')}>
          Hiện trên trang tiếng Anh (/en/…). Để trống thì trang tiếng Anh hiện bản tiếng Việt và ghi rõ là chưa được dịch. Số liệu, câu
          trong văn bản gốc và các câu so sánh luôn giữ nguyên như văn bản viết.
        </p>
        {englishFields.map(([name, label, as]) => {
          const path = `translations.en.${name}` as const;
          const error = errors.translations?.en?.[name]?.message;
          const props = {
            id: fieldId(path),
            lang: 'en',
            ...register(path),
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${fieldId(path)}-error ${fieldId('translations-hint')}` : fieldId('translations-hint'),
          };
          return (
            <div className="field" key={name}>
              <label htmlFor={fieldId(path)}>{label}</label>
              {as === 'textarea' ? <textarea rows={3} {...props} /> : <input {...props} />}
              <FieldError id={`${fieldId(path)}-error`} message={error} />
            </div>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>Giá trị theo năm</legend>
        <p className="hint">
          Gõ số theo cách viết Việt Nam: dấu chấm ngăn nhóm nghìn, dấu phẩy trước phần thập phân (ví dụ 423.700 hoặc 6,20). Số chữ số
          thập phân được giữ đúng như bạn gõ.
        </p>
        {values.fields.length === 0 ? <p className="note">Chưa có giá trị nào (văn bản không nêu số liệu).</p> : null}
        {values.fields.map((field, index) => {
          const rowErrors = errors.values?.[index];
          const id = (name: string) => fieldId(`values.${index}.${name}`);
          const cell = (name: 'year' | 'value' | 'periodLabel' | 'qualifier' | 'note', label: string, size?: number) => {
            const error = rowErrors?.[name]?.message;
            return (
              <div className="field">
                <label htmlFor={id(name)}>{label}</label>
                <input
                  id={id(name)}
                  size={size}
                  inputMode={name === 'year' ? 'numeric' : name === 'value' ? 'decimal' : undefined}
                  {...register(`values.${index}.${name}`)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id(name)}-error` : undefined}
                />
                <FieldError id={`${id(name)}-error`} message={error} />
              </div>
            );
          };
          return (
            <div className="value-row" key={field.id} role="group" aria-label={`Giá trị thứ ${index + 1}`}>
              <div className="field">
                <label htmlFor={id('role')}>Loại</label>
                <select id={id('role')} {...register(`values.${index}.role`)}>
                  {VALUE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {VALUE_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
              {cell('year', 'Năm', 6)}
              {cell('value', 'Giá trị', 12)}
              <div className="field">
                <label htmlFor={id('kind')}>Nguồn số liệu</label>
                <select id={id('kind')} {...register(`values.${index}.kind`)}>
                  {VALUE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {kindOption(k)}
                    </option>
                  ))}
                </select>
              </div>
              {cell('qualifier', 'Từ đi kèm (vd. “trên”)', 8)}
              {cell('periodLabel', 'Kỳ (vd. “bình quân 5 năm”)')}
              {cell('note', 'Ghi chú')}
              <button type="button" className="button-secondary" onClick={() => values.remove(index)}>
                Xoá giá trị này
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button-secondary"
          onClick={() => values.append({ role: 'actual', year: '', value: '', kind: 'reported', periodLabel: '', qualifier: '', note: '' })}
        >
          Thêm giá trị
        </button>
        <FieldError id={fieldId('values-error')} message={errors.values?.message ?? errors.values?.root?.message} />
      </fieldset>

      <ReasonFields kind={register('reason.kind')} text={register('reason.text')} errors={errors.reason} idPrefix="indicator" />
      <p>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Đang lưu…' : mode === 'edit' ? 'Lưu thay đổi' : 'Thêm chỉ tiêu'}
        </button>
      </p>
    </form>
  );
}
