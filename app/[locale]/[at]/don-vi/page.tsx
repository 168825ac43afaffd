import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EntityIndex } from '@/components/entity/entity-index';
import { languageAlternates } from '@/lib/i18n/metadata';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entities.institution');
  return { title: t('label'), description: t('metaDescription'), alternates: await languageAlternates('/don-vi') };
}

export default function InstitutionsPage() {
  return <EntityIndex kind="institution" />;
}
