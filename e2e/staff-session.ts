/**
 * Staff accounts of the e2e server (scripts/test-all.sh creates them) and signing in as one.
 * Missing credentials fail the run loudly: a spec that cannot sign in must not pass by skipping.
 */
import type { Browser, Page } from '@playwright/test';
import { SignInPage, type Credentials } from './pages/sign-in';
import { StaffArea } from './pages/staff-area';

export type Account = Credentials;

function account(role: 'EDITOR' | 'ADMIN'): Account {
  const email = process.env[`E2E_${role}_EMAIL`] ?? '';
  const password = process.env[`E2E_${role}_PASSWORD`] ?? '';
  if (!email || !password) throw new Error(`Set E2E_${role}_EMAIL and E2E_${role}_PASSWORD (scripts/test-all.sh does).`);
  return { email, password };
}

export const EDITOR = account('EDITOR');
export const ADMIN = account('ADMIN');

/** Sign in through the form, as a person would, and land on the staff home. */
export async function signIn(page: Page, who: Account) {
  await new SignInPage(page).signIn(who);
  await new StaffArea(page).expectDashboard();
}

/** A browser context of its own (its own session), signed in as `who`. */
export async function newSignedInPage(browser: Browser, who: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}
