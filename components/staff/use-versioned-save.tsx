'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions';

type Message = { tone: 'error' | 'success' | 'info'; text: React.ReactNode };
export type Conflict<S> = { version: number; snapshot: S | null };

/** What a save says when the server never answered; the input stays in the form. */
export const NO_ANSWER =
  'Không nhận được trả lời từ máy chủ nên chưa biết thay đổi đã được lưu hay chưa. Nội dung bạn nhập vẫn được giữ trên trang này; khi máy chủ trở lại, hãy bấm lưu lại: nếu lần trước đã lưu được, trang sẽ báo có phiên bản mới hơn và cho bạn so sánh.';

/**
 * What the save cycle uses of a form (`useForm<z.input<typeof schema>, …>`) whose values carry the
 * base `version` and a `reason`: the form is checked against it where it is passed in.
 * `R`: the values `toValues` makes from a stored snapshot `S`; `D`: what a save returns.
 */
export type VersionedForm<V extends FieldValues, R> = {
  getValues: () => V;
  setValue: {
    (name: 'version', value: number): void;
    (name: 'reason', value: { kind: ''; text: '' }): void;
  };
  setError: UseFormSetError<V>;
  reset: (values: R) => void;
};

/**
 * The save cycle every versioned form shares: send what the user typed, then show the
 * outcome — success (new base version, reason cleared), field errors beside the fields, or a
 * conflict, resolved by keeping the user's text on top of the newer version or taking the
 * stored one. The user's input is never cleared by a failure.
 */
export function useVersionedSave<V extends FieldValues, R, S, D extends { version: number }>(
  form: VersionedForm<V, R>,
  { toValues, publicHref }: { toValues: (snapshot: S, version: number) => R; publicHref: (saved: D) => string | null },
) {
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<Conflict<S> | null>(null);

  async function save(send: (values: V) => Promise<ActionResult<D>>): Promise<D | null> {
    setMessage(null);
    let result: ActionResult<D>;
    try {
      result = await send(form.getValues());
    } catch {
      // No answer (the server stopped, the network dropped): whether it was saved is unknown.
      setMessage({ tone: 'error', text: NO_ANSWER });
      return null;
    }
    if (result.ok) {
      setConflict(null);
      form.setValue('version', result.data.version);
      form.setValue('reason', { kind: '', text: '' });
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
    // What is stored now, as the server sent it with the conflict.
    if (result.code === 'conflict') setConflict(result.conflict as Conflict<S>);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      const first = messages?.[0];
      // The server names fields by their paths in the same schema the form is typed from.
      if (first) form.setError(field as FieldPath<V>, { message: first });
    }
    setMessage({ tone: 'error', text: result.message });
    return null;
  }

  const keepMine = () => {
    if (!conflict) return;
    form.setValue('version', conflict.version);
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
