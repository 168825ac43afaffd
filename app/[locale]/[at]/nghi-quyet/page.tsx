import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EntityIndex } from '@/components/entity/entity-index';
import { languageAlternates } from '@/lib/i18n/metadata';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entities.resolution');
  return { title: t('label'), description: t('metaDescription'), alternates: await languageAlternates('/nghi-quyet') };
}

export default function ResolutionsPage() {
  return <EntityIndex kind="resolution" />;
}
