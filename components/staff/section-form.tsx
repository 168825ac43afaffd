'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { SectionSnapshot } from '@/db/snapshots';
import type { ActionResult } from '@/lib/actions';
import { sectionEditSchema, type SectionEdit, type SectionEditInput } from '@/lib/validations/section';
import { ConflictPanel } from './conflict-panel';
import { useVersionedSave } from './use-versioned-save';
import { FieldError, FormMessage } from './field-error';
import { ReasonFields } from './reason-fields';
import { sectionFormValues, type SectionFormValues } from './section-form-values';

type Props = {
  slug: string;
  initial: SectionFormValues;
  action: (input: unknown) => Promise<ActionResult<{ version: number; revisionId: number }>>;
  preview: (markdown: string) => Promise<ActionResult<{ html: string }>>;
};

export function SectionForm({ slug, initial, action, preview }: Props) {
  const form = useForm<SectionEditInput, unknown, SectionEdit>({
    resolver: zodResolver(sectionEditSchema),
    defaultValues: initial,
    mode: 'onBlur',
  });
  const { register, handleSubmit, formState, getValues, control } = form;
  const { errors, isSubmitting } = formState;
  const { message, conflict, save, keepMine, takeCurrent } = useVersionedSave(form, {
    toValues: (snapshot: SectionSnapshot, version) => sectionFormValues(snapshot, version),
    publicHref: (_saved: { version: number; revisionId: number }) => `/muc/${slug}`,
  });
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [previewNote, setPreviewNote] = useState<string | null>(null);
  const body = useWatch({ control, name: 'body' });
  const latest = useRef(0);

  // Live preview, rendered by the same sanitising pipeline as the public page.
  useEffect(() => {
    const ticket = ++latest.current;
    const refresh = async () => {
      const result = await preview(body ?? '');
      if (ticket !== latest.current) return;
      if (result.ok) {
        setPreviewHtml(result.data.html);
        setPreviewNote(null);
      } else setPreviewNote(result.message);
    };
    const timer = setTimeout(() => void refresh(), 300);
    return () => clearTimeout(timer);
  }, [body, preview]);

  const onSubmit = handleSubmit(async () => {
    await save(action);
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="staff-form" aria-label="Sửa nội dung mục">
      <FormMessage tone={message?.tone ?? 'info'}>{message?.text}</FormMessage>
      {conflict ? (
        <ConflictPanel
          kind="section"
          current={conflict.snapshot}
          currentVersion={conflict.version}
          mine={getValues()}
          onKeepMine={keepMine}
          onTakeCurrent={takeCurrent}
        />
      ) : null}
      <input type="hidden" {...register('version')} />
      <div className="field">
        <label htmlFor="section-title">Tiêu đề mục (trên cổng thông tin)</label>
        <input id="section-title" {...register('title')} aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? 'section-title-error' : undefined} />
        <FieldError id="section-title-error" message={errors.title?.message} />
      </div>
      <div className="field">
        <label htmlFor="section-heading">Tiêu đề trong văn bản gốc (nếu có)</label>
        <input id="section-heading" {...register('heading')} aria-invalid={errors.heading ? true : undefined} aria-describedby={errors.heading ? 'section-heading-error' : undefined} />
        <FieldError id="section-heading-error" message={errors.heading?.message} />
      </div>
      <div className="editor-split">
        <div className="field">
          <label htmlFor="section-body">Nội dung (Markdown)</label>
          <textarea
            id="section-body"
            rows={18}
            {...register('body')}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? 'section-body-error section-body-hint' : 'section-body-hint'}
          />
          <p className="hint" id="section-body-hint">
            Để một dòng trống giữa hai đoạn. Chỉ giữ liên kết http, https và mailto; mã HTML bị bỏ qua.
          </p>
          <FieldError id="section-body-error" message={errors.body?.message} />
        </div>
        <section className="preview" aria-labelledby="section-preview-title">
          <h2 id="section-preview-title">Xem trước</h2>
          {previewNote ? <p className="field-error">{previewNote}</p> : null}
          {previewHtml === null ? <p className="note">Đang tạo bản xem trước…</p> : <div className="prose" dangerouslySetInnerHTML={{ __html: previewHtml }} />}
        </section>
      </div>
      <fieldset>
        <legend>Bản dịch tiếng Anh (không bắt buộc)</legend>
        <p className="hint" id="section-translations-hint">
          Hiện trên trang tiếng Anh (/en/…). Để trống thì trang tiếng Anh hiện bản tiếng Việt và ghi rõ là chưa được dịch.
        </p>
        {(
          [
            ['title', 'Tiêu đề mục (tiếng Anh)'],
            ['heading', 'Tiêu đề trong văn bản gốc (tiếng Anh)'],
            ['body', 'Nội dung bằng tiếng Anh (Markdown)'],
          ] as const
        ).map(([name, label]) => {
          const id = `section-en-${name}`;
          const error = errors.translations?.en?.[name]?.message;
          const props = {
            id,
            lang: 'en',
            ...register(`translations.en.${name}`),
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-error section-translations-hint` : 'section-translations-hint',
          };
          return (
            <div className="field" key={name}>
              <label htmlFor={id}>{label}</label>
              {name === 'body' ? <textarea rows={10} {...props} /> : <input {...props} />}
              <FieldError id={`${id}-error`} message={error} />
            </div>
          );
        })}
      </fieldset>
      <ReasonFields kind={register('reason.kind')} text={register('reason.text')} errors={errors.reason} idPrefix="section" />
      <p>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Đang lưu…' : 'Lưu thay đổi'}
        </button>
      </p>
    </form>
  );
}

