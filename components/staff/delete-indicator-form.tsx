'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions';
import { indicatorDeleteSchema } from '@/lib/validations/indicator';
import { FormMessage } from './field-error';
import { ReasonFields } from './reason-fields';

/** Delete with a reason. The indicator stays in the history and can be restored. */
export function DeleteIndicatorForm({
  name,
  version,
  action,
}: {
  name: string;
  version: number;
  action: (input: unknown) => Promise<ActionResult<{ revisionId: number }>>;
}) {
  const { register, handleSubmit, formState, getValues } = useForm<z.input<typeof indicatorDeleteSchema>, unknown, z.output<typeof indicatorDeleteSchema>>({
    resolver: zodResolver(indicatorDeleteSchema),
    defaultValues: { version, reason: { kind: '', text: '' } },
  });
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = handleSubmit(async () => {
    const result = await action(getValues());
    if (result.ok) window.location.assign('/quan-tri/chi-tieu');
    else setMessage(result.message);
  });
  return (
    <details className="danger-zone">
      <summary>Xoá chỉ tiêu này</summary>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={`Xoá chỉ tiêu ${name}`}>
        <p>Chỉ tiêu sẽ biến mất khỏi trang công khai nhưng vẫn nằm trong lịch sử và có thể khôi phục.</p>
        <FormMessage tone="error">{message}</FormMessage>
        <input type="hidden" {...register('version')} />
        <ReasonFields kind={register('reason.kind')} text={register('reason.text')} errors={formState.errors.reason} idPrefix="delete" />
        <button type="submit" className="button-danger" disabled={formState.isSubmitting}>
          Xoá chỉ tiêu
        </button>
      </form>
    </details>
  );
}
