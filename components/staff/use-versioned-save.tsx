'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions';

type Message = { tone: 'error' | 'success' | 'info'; text: React.ReactNode };
export type Conflict<S> = { version: number; snapshot: S | null };
type Versioned = FieldValues & { version: number; reason: { kind: string; text: string } };

/**
 * The save cycle every versioned form shares: send what the user typed, then show the
 * outcome — success (new base version, reason cleared), field errors beside the fields, or a
 * conflict, resolved by keeping the user's text on top of the newer version or taking the
 * stored one. The user's input is never cleared by a failure.
 */
export function useVersionedSave<T extends Versioned, S>(
  form: UseFormReturn<T>,
  { toValues, publicHref }: { toValues: (snapshot: S, version: number) => T; publicHref: (saved: { version: number }) => string | null },
) {
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<Conflict<S> | null>(null);
  const set = <K extends Path<T>>(name: K, value: unknown) => form.setValue(name, value as PathValue<T, K>);

  async function save<D extends { version: number }>(send: (values: T) => Promise<ActionResult<D>>): Promise<D | null> {
    setMessage(null);
    const result = await send(form.getValues());
    if (result.ok) {
      setConflict(null);
      set('version' as Path<T>, result.data.version);
      set('reason' as Path<T>, { kind: '', text: '' });
      const href = publicHref(result.data);
      setMessage({
        tone: 'success',
        text: (
          <>
            Đã lưu (phiên bản {result.data.version}).{href ? <> <Link href={href}>Xem trang công khai</Link></> : null}
          </>
        ),
      });
      return result.data;
    }
    if (result.code === 'conflict') setConflict(result.conflict as Conflict<S>);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      const first = messages?.[0];
      if (first) form.setError(field as Path<T>, { message: first });
    }
    setMessage({ tone: 'error', text: result.message });
    return null;
  }

  const keepMine = () => {
    if (!conflict) return;
    set('version' as Path<T>, conflict.version);
    setConflict(null);
    setMessage({ tone: 'info', text: `Bản của bạn giờ dựa trên phiên bản ${conflict.version}. Kiểm tra lại rồi bấm “Lưu”.` });
  };
  const takeCurrent = () => {
    if (!conflict) return;
    if (conflict.snapshot) form.reset(toValues(conflict.snapshot, conflict.version));
    setConflict(null);
    setMessage({ tone: 'info', text: 'Đã nạp nội dung hiện tại; thay đổi của bạn đã được bỏ.' });
  };

  return { message, conflict, save, keepMine, takeCurrent };
}
