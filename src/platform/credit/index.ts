export {
  type CreditEventInput,
  type CreditEventKind,
  type CreditEventView,
  type CreditPolicy,
  type CreditView,
  capabilitiesOf,
  currentCreditPolicy,
  getCredit,
  listCreditPolicies,
  publishCreditPolicy,
  recordCreditEvent,
  recoverCredit,
  restoreCredit,
} from './credit.ts'
export {
  type Capabilities,
  type ContentKind,
  type CreditPolicyDocument,
  type CreditTier,
  DEFAULT_CREDIT_POLICY,
  policyProblems,
  tierOf,
} from './policy.ts'
