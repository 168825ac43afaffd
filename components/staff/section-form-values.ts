import type { SectionSnapshot } from '@/db/snapshots';

/** What the section form holds. */
export type SectionFormValues = {
  title: string;
  heading: string;
  body: string;
  /** English versions for the public English pages; empty: the Vietnamese text is shown there. */
  translations: { en: { title: string; heading: string; body: string } };
  version: number;
  reason: { kind: string; text: string };
};

/** The form's values for a stored section (`translations` may be missing from an old snapshot). */
export function sectionFormValues(s: SectionSnapshot, version: number): SectionFormValues {
  const en = s.translations?.en;
  return {
    title: s.title,
    heading: s.heading ?? '',
    body: s.body,
    translations: { en: { title: en?.title ?? '', heading: en?.heading ?? '', body: en?.body ?? '' } },
    version,
    reason: { kind: '', text: '' },
  };
}
