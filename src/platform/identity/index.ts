export {
  formatCheckVerifier,
  type IdentityClaim,
  type IdentityVerifier,
  isVerified,
  requireVerified,
  verifiedAmong,
  verifyIdentity,
} from './identity.ts'
export { checkCharacter, checkRealName, checkResidentId } from './validate.ts'
