'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions';
import { indicatorDeleteSchema } from '@/lib/validations/indicator';
import { FormMessage } from './field-error';
import { ReasonFields } from './reason-fields';

type Values = { version: number; reason: { kind: string; text: string } };

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
  const { register, handleSubmit, formState, getValues } = useForm<Values>({
    resolver: zodResolver(indicatorDeleteSchema as never) as unknown as Resolver<Values>,
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
      <form onSubmit={onSubmit} noValidate aria-label={`Xoá chỉ tiêu ${name}`}>
        <p>Chỉ tiêu sẽ biến mất khỏi trang công khai nhưng vẫn nằm trong lịch sử và có thể khôi phục.</p>
        <FormMessage tone="error">{message}</FormMessage>
        <input type="hidden" {...register('version')} />
        <ReasonFields register={register} errors={formState.errors} idPrefix="delete" />
        <button type="submit" className="button-danger" disabled={formState.isSubmitting}>
          Xoá chỉ tiêu
        </button>
      </form>
    </details>
  );
}
