/**
 * What every staff screen shares: the header (who is signed in, the menu, signing out), and the
 * screens the menu leads to first: the dashboard (/quan-tri) and "Không đủ quyền".
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The areas of the staff menu (components/staff/staff-header.tsx). */
export const STAFF_AREAS = {
  dashboard: 'Bảng điều khiển',
  indicators: 'Chỉ tiêu',
  sections: 'Nội dung',
  recentChanges: 'Thay đổi gần đây',
  users: 'Người dùng',
  historyCheck: 'Kiểm tra lịch sử',
} as const;
export type StaffAreaName = keyof typeof STAFF_AREAS;

/** The areas each role sees in the menu. */
export const EDITOR_AREAS: StaffAreaName[] = ['dashboard', 'indicators', 'sections', 'recentChanges'];
export const ADMIN_AREAS: StaffAreaName[] = [...EDITOR_AREAS, 'users', 'historyCheck'];

/** Role names as the header shows them. */
export const ROLE_LABELS = { admin: 'Quản trị viên', editor: 'Biên tập viên' } as const;
export type Role = keyof typeof ROLE_LABELS;

export class StaffArea {
  static readonly PATH = '/quan-tri';

  constructor(readonly page: Page) {}

  get menu(): Locator {
    return this.page.getByRole('navigation', { name: 'Điều hướng khu vực biên tập', exact: true });
  }

  menuLink(area: StaffAreaName): Locator {
    return this.menu.getByRole('link', { name: STAFF_AREAS[area], exact: true });
  }

  /** Open the dashboard by its address. */
  async goto() {
    await this.page.goto(StaffArea.PATH);
  }

  /** Follow an area of the staff menu. */
  async openArea(area: StaffAreaName) {
    await this.menuLink(area).click();
  }

  /** The dashboard is showing. */
  async expectDashboard() {
    await expect(this.page).toHaveURL(/\/quan-tri$/);
    await expect(this.page.getByRole('heading', { level: 1, name: STAFF_AREAS.dashboard, exact: true })).toBeVisible();
  }

  /** The header names who is signed in: a display name or a role. */
  async expectSignedInAs(nameOrRole: string) {
    await expect(this.page.getByRole('banner')).toContainText(nameOrRole);
  }

  /** The menu offers exactly these areas (among those a staff member can be offered). */
  async expectMenu(areas: StaffAreaName[]) {
    for (const area of Object.keys(STAFF_AREAS) as StaffAreaName[]) {
      if (areas.includes(area)) await expect(this.menuLink(area)).toBeVisible();
      else await expect(this.menuLink(area)).toHaveCount(0);
    }
  }

  /** The page says this account may not open what was asked for. */
  async expectForbidden() {
    await expect(this.page).toHaveURL(/\/quan-tri\/khong-du-quyen$/);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Không đủ quyền', exact: true })).toBeVisible();
  }

  /** Sign out from the header; the public home page follows. */
  async signOut() {
    await this.page.getByRole('banner').getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await expect(this.page).toHaveURL(/\/$/);
  }
}
