import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EntityIndex } from '@/components/entity/entity-index';
import { languageAlternates } from '@/lib/i18n/metadata';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entities.project');
  return { title: t('label'), description: t('metaDescription'), alternates: await languageAlternates('/du-an') };
}

export default function ProjectsPage() {
  return <EntityIndex kind="project" />;
}
