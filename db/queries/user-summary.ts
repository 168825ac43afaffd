import { users, type User } from '../schema';

/** What pages may see of an account: never the hash. */
export type UserSummary = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'active' | 'createdAt' | 'updatedAt'>;

export const summaryColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

