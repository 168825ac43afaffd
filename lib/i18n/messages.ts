/**
 * Both message files, and a translator for code that runs outside a request's render
 * (pure functions such as describeChart, statusLabel; components rendered in tests).
 * Server components use `getTranslations` from next-intl/server instead.
 */
import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from 'next-intl';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';
import type { Locale } from './config';

export const messages: Record<Locale, Messages> = { vi, en };

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

function create<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}

// One translator per language and namespace: each keeps its own cache of parsed messages.
const made = new Map<string, unknown>();

/** `t` for one namespace in `locale`, e.g. `translator('en', 'chart')('target')` → "Target". */
export function translator<N extends Namespace>(locale: Locale, namespace: N): ReturnType<typeof create<N>> {
  const key = `${locale}:${namespace}`;
  if (!made.has(key)) made.set(key, create(locale, namespace));
  return made.get(key) as ReturnType<typeof create<N>>;
}
