/**
 * Staff accounts of the e2e server (scripts/test-all.sh creates them) and signing in as one.
 * Missing credentials fail the run loudly: a spec that cannot sign in must not pass by skipping.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type Account = { email: string; password: string };

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
  await page.goto('/dang-nhap');
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri$/);
}
