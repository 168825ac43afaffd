// Type-checks every `t('…')` key and `locale` against the Vietnamese message file (the reference).
import type vi from '@/messages/vi.json';
import type { Locale } from './config';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof vi;
  }
}
