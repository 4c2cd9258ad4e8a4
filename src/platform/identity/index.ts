export {
  formatCheckVerifier,
  type IdentityClaim,
  type IdentityVerifier,
  identityRequired,
  isVerified,
  requireVerified,
  verifiedAmong,
  verifyIdentity,
} from './identity.ts'
export { checkCharacter, checkRealName, checkResidentId } from './validate.ts'
