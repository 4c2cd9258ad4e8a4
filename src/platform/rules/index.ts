export {
  acceptRules,
  currentRuleDocuments,
  getRuleDocument,
  listVersions,
  type PublishRuleInput,
  pendingAcceptances,
  publishRuleDocument,
  RULE_KINDS,
  type RuleDocument,
  type RuleKind,
  requireRulesAccepted,
} from './rules.ts'
