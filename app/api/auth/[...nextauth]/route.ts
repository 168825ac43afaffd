// Auth.js endpoints (session, CSRF token, sign-in callback, sign-out). The site's own forms use server actions.
import { handlers } from '@/lib/auth/config';

export const { GET, POST } = handlers;
