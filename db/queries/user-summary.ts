import { users, type User } from '../schema';

/** What pages may see of an account: never the hash, never the second factor's secret. */
export type UserSummary = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'active' | 'secondFactorRequired' | 'createdAt' | 'updatedAt'> & {
  /** When the second factor was confirmed; null: none. */
  secondFactorSince: Date | null;
};

export const summaryColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  active: users.active,
  secondFactorRequired: users.secondFactorRequired,
  secondFactorSince: users.totpConfirmedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};
