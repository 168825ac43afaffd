'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions';
import { restoreSchema } from '@/lib/validations/section';
import { FormMessage } from './field-error';
import { ReasonFields } from './reason-fields';

type Values = { revisionId: number; version: number; reason: { kind: string; text: string } };

export function RestoreForm({
  revisionId,
  version,
  action,
}: {
  revisionId: number;
  version: number;
  action: (input: unknown) => Promise<ActionResult<{ version: number; historyHref: string }>>;
}) {
  const { register, handleSubmit, formState, getValues, setError } = useForm<Values>({
    resolver: zodResolver(restoreSchema as never) as unknown as Resolver<Values>,
    defaultValues: { revisionId, version, reason: { kind: '', text: '' } },
  });
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = handleSubmit(async () => {
    const result = await action(getValues());
    if (result.ok) {
      window.location.assign(`${result.data.historyHref}?khoi-phuc=1`);
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      const first = messages?.[0];
      if (first) setError(field as never, { message: first });
    }
    setMessage(
      result.code === 'conflict' ? 'Nội dung vừa được người khác thay đổi. Tải lại trang để xem so sánh mới trước khi khôi phục.' : result.message,
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="staff-form" aria-label="Khôi phục phiên bản">
      <FormMessage tone="error">{message}</FormMessage>
      <input type="hidden" {...register('revisionId')} />
      <input type="hidden" {...register('version')} />
      <ReasonFields register={register} errors={formState.errors} idPrefix="restore" />
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Đang khôi phục…' : 'Khôi phục phiên bản này'}
      </button>
    </form>
  );
}
