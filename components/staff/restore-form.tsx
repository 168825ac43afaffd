'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions';
import { restoreSchema, type RestoreInput } from '@/lib/validations/section';
import { FormMessage } from './field-error';
import { ReasonFields } from './reason-fields';


export function RestoreForm({
  revisionId,
  version,
  action,
}: {
  revisionId: number;
  version: number;
  action: (input: unknown) => Promise<ActionResult<{ version: number; historyHref: string }>>;
}) {
  const { register, handleSubmit, formState, getValues, setError } = useForm<RestoreInput, unknown, z.output<typeof restoreSchema>>({
    resolver: zodResolver(restoreSchema),
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
      // The server names fields by their paths in the same schema.
      if (first) setError(field as FieldPath<RestoreInput>, { message: first });
    }
    setMessage(
      result.code === 'conflict' ? 'Nội dung vừa được người khác thay đổi. Tải lại trang để xem so sánh mới trước khi khôi phục.' : result.message,
    );
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="staff-form" aria-label="Khôi phục phiên bản">
      <FormMessage tone="error">{message}</FormMessage>
      <input type="hidden" {...register('revisionId')} />
      <input type="hidden" {...register('version')} />
      <ReasonFields kind={register('reason.kind')} text={register('reason.text')} errors={formState.errors.reason} idPrefix="restore" />
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Đang khôi phục…' : 'Khôi phục phiên bản này'}
      </button>
    </form>
  );
}
