import type { SectionSnapshot } from '@/db/snapshots';
import type { SectionEditInput } from '@/lib/validations/section';

/** The section form's values for a stored section (`translations` may be missing from an old snapshot): the schema's input. */
export function sectionFormValues(s: SectionSnapshot, version: number) {
  const en = s.translations?.en;
  return {
    title: s.title,
    heading: s.heading ?? '',
    body: s.body,
    /** English versions for the public English pages; empty: the Vietnamese text is shown there. */
    translations: { en: { title: en?.title ?? '', heading: en?.heading ?? '', body: en?.body ?? '' } },
    version,
    reason: { kind: '', text: '' },
  } satisfies SectionEditInput;
}
export type SectionFormValues = ReturnType<typeof sectionFormValues>;
