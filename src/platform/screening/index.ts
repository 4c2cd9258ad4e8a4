export {
  addFalseClaim,
  type FalseClaimView,
  listFalseClaims,
  listRuleSets,
  type PublishRuleSetInput,
  publishRuleSet,
  type RuleSetView,
} from './screening.ts'
export { compileVersion, ruleSetVersionName, ScreeningService } from './service.ts'
