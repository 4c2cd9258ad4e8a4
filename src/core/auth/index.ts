export type { Actor } from './actor.ts'
export { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts'
export {
  ADMIN_ROLES,
  ALL_ROLES,
  can,
  isRole,
  PERMISSIONS,
  type Permission,
  PLATFORM_ROLES,
  permissionsOf,
  REGULATOR_ROLES,
  ROLE_LABELS,
  type Role,
  rolesForNode,
} from './roles.ts'
export {
  createToken,
  listTokens,
  login,
  logout,
  resolveSession,
  resolveToken,
  revokeToken,
  type SessionGrant,
  TOKEN_PREFIX,
  type TokenView,
} from './sessions.ts'
export {
  actorOfStaff,
  type CreateStaffInput,
  createStaff,
  findStaffByLogin,
  getStaff,
  listStaff,
  type Me,
  type RoleInfo,
  roleCatalogue,
  type StaffView,
  staffActorByLogin,
  type UpdateStaffInput,
  updateStaff,
} from './staff.ts'
export { listStaffKeys, rotateStaffKey } from './staff-keys.ts'
