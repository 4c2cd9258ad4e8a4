export {
  type AccountKeys,
  accountKeys,
  displayNamesOf,
  getUser,
  listUsers,
  lockUsers,
  type PlatformUser,
  presentUser,
  registerUser,
  resolveUserSession,
  revealPhone,
  signInUser,
  signOutUser,
  userActor,
} from './accounts.ts'
export { checkMobile } from './phone.ts'
