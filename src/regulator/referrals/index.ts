export { addMonths, PERIOD_RULE_CITATION, periodEnd, REFERRAL_CLOCKS, type ReferralClock } from './clocks.ts'
export {
  addCaseIndividual,
  type CaseIndividualView,
  individualIdentityKey,
  recordIndividualOutcome,
} from './individuals.ts'
export { INDIVIDUAL_LAWS, type LawProvision } from './laws.ts'
export {
  flagOverdueReferralSteps,
  getReferral,
  listReferrals,
  type ReferralView,
  recordReferralStep,
  sendReferral,
} from './referrals.ts'
