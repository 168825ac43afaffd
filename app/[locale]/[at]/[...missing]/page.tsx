import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  return { title: t('title'), description: t('metaDescription'), robots: { index: false } };
}

/** Any other public address: the 404 page, inside the site's layout (../not-found.tsx). */
export default function Missing(): never {
  notFound();
}
