// Checks that the console's copies of the API types (./types.ts) still match the server's. Not part of the
// console build or its type check; run `npx tsc --noEmit -p web/tsconfig.contract.json`. Only types are imported,
// from the modules that define them (not the index files, which also export the route plugins).

import type {
  Permission as SPermission,
  PlatformRole as SPlatformRole,
  RegulatorRole as SRegulatorRole,
  Role as SRole,
} from '../../src/core/auth/roles.ts'
import type { TokenView as STokenView } from '../../src/core/auth/sessions.ts'
import type {
  CreateStaffInput as SCreateStaffInput,
  Me as SMe,
  RoleInfo as SRoleInfo,
  StaffView as SStaffView,
  UpdateStaffInput as SUpdateStaffInput,
} from '../../src/core/auth/staff.ts'
import type { NodeRole as SNodeRole, ReportCategoryKey as SReportCategoryKey } from '../../src/core/config.ts'
import type { FieldProblem as SFieldProblem } from '../../src/core/errors.ts'
import type { NodeInfo as SNodeInfo } from '../../src/core/node/node.ts'
import type { OrganisationKind as SOrganisationKind } from '../../src/core/organisations/jurisdiction.ts'
import type { Organisation as SOrganisation } from '../../src/core/organisations/organisations.ts'
import type { LexiconEntry as SLexiconEntry } from '../../src/engine/index.ts'
import type { EntryFields as SEntryFields, LedgerActor as SLedgerActor } from '../../src/ledger/entry.ts'
import type {
  LedgerStatus as SLedgerStatus,
  SignedCheckpoint as SSignedCheckpoint,
} from '../../src/ledger/service.ts'
import type { EntryFilter as SEntryFilter } from '../../src/ledger/store.ts'
import type {
  PlatformUser as SPlatformUser,
  registerUser as sRegisterUser,
  signInUser as sSignInUser,
} from '../../src/platform/accounts/accounts.ts'
import type {
  AppealQueueEntry as SAppealQueueEntry,
  AppealView as SAppealView,
  decideAppeal as sDecideAppeal,
  fileAppeal as sFileAppeal,
} from '../../src/platform/appeals/appeals.ts'
import type { ReceivedBulletinView as SReceivedBulletinView } from '../../src/platform/bulletins/bulletins.ts'
import type {
  ContentStatus as SContentStatus,
  ContentView as SContentView,
  HeldItem as SHeldItem,
  OwnContentView as SOwnContentView,
  PublishInput as SPublishInput,
} from '../../src/platform/content/content.ts'
import type { ReasonView as SReasonView } from '../../src/platform/content/reasons.ts'
import type {
  CreditEventInput as SCreditEventInput,
  CreditEventKind as SCreditEventKind,
  CreditEventView as SCreditEventView,
  CreditPolicy as SCreditPolicy,
  CreditView as SCreditView,
  publishCreditPolicy as sPublishCreditPolicy,
  restoreCredit as sRestoreCredit,
} from '../../src/platform/credit/credit.ts'
import type {
  Capabilities as SCapabilities,
  ContentKind as SContentKind,
  CreditPolicyDocument as SCreditPolicyDocument,
  CreditTier as SCreditTier,
} from '../../src/platform/credit/policy.ts'
import type { IndexStatus as SIndexStatus } from '../../src/platform/disposal/content-index.ts'
import type {
  ConfirmRumorInput as SConfirmRumorInput,
  DisposalCategory as SDisposalCategory,
  DisposalInput as SDisposalInput,
  DisposalItemView as SDisposalItemView,
  DisposalView as SDisposalView,
  HoldView as SHoldView,
  Measure as SMeasure,
  RumorSource as SRumorSource,
  RumorView as SRumorView,
  disposalDetail as sDisposalDetail,
  openRetained as sOpenRetained,
} from '../../src/platform/disposal/disposal.ts'
import type {
  FilingDelivery as SFilingDelivery,
  FilingStatus as SFilingStatus,
  FilingView as SFilingView,
} from '../../src/platform/filings/filings.ts'
import type { verifyIdentity as sVerifyIdentity } from '../../src/platform/identity/identity.ts'
import type { InspectionFigures as SInspectionFigures } from '../../src/platform/inspections/inspections.ts'
import type { NoticeView as SNoticeView } from '../../src/platform/notices/notices.ts'
import type {
  OrderExecution as SReceivedOrderExecution,
  ReceivedOrderView as SReceivedOrderView,
} from '../../src/platform/orders/orders.ts'
import type {
  CoverageView as SCoverageView,
  PatrolRunView as SPatrolRunView,
  SampleItem as SSampleItem,
} from '../../src/platform/patrol/patrol.ts'
import type { InterventionView as SInterventionView } from '../../src/platform/recommendation/feed.ts'
import type { RecommendationModelDocument as SRecommendationModelDocument } from '../../src/platform/recommendation/model.ts'
import type {
  DecideReportsInput as SDecideReportsInput,
  DecideReportsResult as SDecideReportsResult,
  FileReportInput as SFileReportInput,
  ItemReportsView as SItemReportsView,
  QueueEntry as SReportQueueEntry,
  ReportView as SReportView,
  muteReporter as sMuteReporter,
  reportGuide as sReportGuide,
} from '../../src/platform/reports/reports.ts'
import type {
  Decision as SDecision,
  HistoryEntry as SHistoryEntry,
  QueueItem as SQueueItem,
  REASON_TEMPLATES as SREASON_TEMPLATES,
  itemHistory as sItemHistory,
} from '../../src/platform/review/review.ts'
import type {
  PublishRuleInput as SPublishRuleInput,
  RuleDocument as SRuleDocument,
  RuleKind as SRuleKind,
  acceptRules as sAcceptRules,
} from '../../src/platform/rules/rules.ts'
import type {
  FalseClaimView as SFalseClaimView,
  RuleSetView as SRuleSetView,
} from '../../src/platform/screening/screening.ts'
import type {
  StaffingDay as SStaffingDay,
  StaffingView as SStaffingView,
} from '../../src/platform/staffing/staffing.ts'
import type {
  AddPeerInput as SAddPeerInput,
  PeerView as SPeerView,
  UpdatePeerInput as SUpdatePeerInput,
} from '../../src/protocol/peers.ts'
import type {
  AlertRow as SAlertRow,
  EnvelopeInRow as SEnvelopeInRow,
  OutboxRow as SOutboxRow,
  WitnessRow as SWitnessRow,
  outboxCounts as sOutboxCounts,
} from '../../src/protocol/store.ts'
import type {
  AccountabilityRecordView as SAccountabilityRecordView,
  Finding as SFinding,
  RecordAccountabilityInput as SRecordAccountabilityInput,
  SupervisionView as SSupervisionView,
} from '../../src/regulator/accountability/accountability.ts'
import type {
  BulletinRecipientView as SBulletinRecipientView,
  BulletinView as SBulletinView,
  IssueBulletinInput as SIssueBulletinInput,
} from '../../src/regulator/bulletins/bulletins.ts'
import type {
  CaseDepartmentView as SCaseDepartmentView,
  CaseDetail as SCaseDetail,
  CaseStatus as SCaseStatus,
  CaseTransferView as SCaseTransferView,
  CaseView as SCaseView,
  ConsultationView as SConsultationView,
  OpenCaseInput as SOpenCaseInput,
  RoutePreview as SRoutePreview,
  RoutingRuleInput as SRoutingRuleInput,
  RoutingRuleView as SRoutingRuleView,
  WorkingDayView as SWorkingDayView,
  addCaseDepartment as sAddCaseDepartment,
  closeCase as sCloseCase,
  escalateCase as sEscalateCase,
  listRoutingRules as sListRoutingRules,
  recordConsultation as sRecordConsultation,
  setCaseDeadline as sSetCaseDeadline,
  setWorkingDayOverride as sSetWorkingDayOverride,
} from '../../src/regulator/cases/cases.ts'
import type { TransferMaterials as STransferMaterials } from '../../src/regulator/cases/tables.ts'
import type {
  ClarificationView as SClarificationView,
  DeliveryView as SDeliveryView,
  DraftInput as SDraftInput,
  PublicClarification as SPublicClarification,
  claimReview as sClaimReview,
} from '../../src/regulator/clarifications/clarifications.ts'
import type {
  EvaluationRunView as SEvaluationRunView,
  IndicatorSetView as SIndicatorSetView,
  StakeholderInputView as SStakeholderInputView,
  SurveySummary as SSurveySummary,
} from '../../src/regulator/evaluation/evaluation.ts'
import type {
  MetricsFigures as SMetricsFigures,
  PlatformMetricsView as SPlatformMetricsView,
} from '../../src/regulator/evaluation/metrics.ts'
import type {
  Indicator as SIndicator,
  Scorecard as SScorecard,
} from '../../src/regulator/evaluation/scoring.ts'
import type {
  InspectionView as SInspectionView,
  RequestInspectionInput as SRequestInspectionInput,
} from '../../src/regulator/inspections/inspections.ts'
import type {
  IssueOrderInput as SIssueOrderInput,
  OrderExecution as SOrderExecution,
  OrderKind as SOrderKind,
  OrderView as SOrderView,
} from '../../src/regulator/orders/orders.ts'
import type { OrderTarget as SOrderTarget } from '../../src/regulator/orders/tables.ts'
import type { AllowedMeasures as SAllowedMeasures } from '../../src/regulator/penalties/bounds.ts'
import type {
  CreditRecordView as SCreditRecordView,
  PenaltyCaseView as SPenaltyCaseView,
} from '../../src/regulator/penalties/penalties.ts'
import type { Step as SPenaltyStep } from '../../src/regulator/penalties/procedure.ts'
import type {
  PlatformReportDetail as SPlatformReportDetail,
  PlatformReportEntryView as SPlatformReportEntryView,
  PlatformReportView as SPlatformReportView,
  WitnessCheck as SWitnessCheck,
} from '../../src/regulator/platform-reports/reports.ts'
import type {
  ClosePublicReportInput as SClosePublicReportInput,
  ClusterMember as SClusterMember,
  EvidenceInput as SEvidenceInput,
  EvidenceType as SEvidenceType,
  EvidenceView as SEvidenceView,
  FilePublicReportInput as SFilePublicReportInput,
  PublicReportCategory as SPublicReportCategory,
  PublicReportDetail as SPublicReportDetail,
  PublicReportGuide as SPublicReportGuide,
  PublicReportLookup as SPublicReportLookup,
  PublicReportReceipt as SPublicReportReceipt,
  PublicReportStatus as SPublicReportStatus,
  PublicReportView as SPublicReportView,
  UnsealedIdentity as SUnsealedIdentity,
  UnsealingView as SUnsealingView,
} from '../../src/regulator/public-reports/public-reports.ts'
import type { CaseIndividualView as SCaseIndividualView } from '../../src/regulator/referrals/individuals.ts'
import type { LawProvision as SLawProvision } from '../../src/regulator/referrals/laws.ts'
import type {
  StepInput as SReferralStepInput,
  ReferralView as SReferralView,
  SendReferralInput as SSendReferralInput,
} from '../../src/regulator/referrals/referrals.ts'
import type { Problem as SProblem } from '../../src/server/problem.ts'
import type * as A from '../screens/accountability/types.ts'
import type * as E from '../screens/evaluation/types.ts'
import type * as P from '../screens/penalties/types.ts'
import type * as R from '../screens/referrals/types.ts'
import type * as W from './types.ts'

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Fits<A, B> = [A] extends [B] ? true : false
/** An intersection written out as one object type, so `Same` can compare it with an interface. */
type Flat<T> = { [K in keyof T]: T[K] }

// What the entries route makes of an entry's fields (src/ledger/routes.ts), written from the server's types.
type SEntryView = {
  index: number
  id: SEntryFields['id']
  recordedAt: string
  actor: SLedgerActor
  action: SEntryFields['action']
  subject: { type: SEntryFields['subjectType']; id: SEntryFields['subjectId'] }
  articles: SEntryFields['articles']
  ruleVersion: SEntryFields['ruleVersion']
  evidenceDigest: SEntryFields['evidenceDigest']
  details: SEntryFields['details']
  leafData: string
  leafHash: string
}

// The platform user routes (src/platform/accounts/routes.ts) answer with the session the sign-in makes, less the
// cookie's secret and expiry; GET /api/users/me adds whether the user verified their identity.
type SUserSession = Pick<Awaited<ReturnType<typeof sSignInUser>>, 'user' | 'csrfToken'>
type SUserMe = Flat<SUserSession & { identityVerified: boolean }>
// GET /api/platform/users (src/platform/credit/routes.ts): each user with verification and score, the tier by key.
type SPlatformUserRow = Flat<
  SPlatformUser & { identityVerified: boolean; score: number; tier: SCreditTier['key'] }
>

// The protocol and witness routes (src/protocol/routes.ts) answer with TypeBox schemas the server does not export;
// the console's copies are written by hand from them. What is checked here is what each route makes of the rows it
// reads (src/protocol/store.ts): the same fields, with times as ISO strings.
type SOutboxView = {
  id: SOutboxRow['id']
  toNode: SOutboxRow['toNode']
  type: SOutboxRow['type']
  status: SOutboxRow['status']
  attempts: SOutboxRow['attempts']
  nextAttemptAt: string
  lastError: SOutboxRow['lastError']
  createdAt: string
  deliveredAt: string | null
}
type SInboxView = {
  id: SEnvelopeInRow['id']
  type: SEnvelopeInRow['type']
  fromNode: SEnvelopeInRow['fromNode']
  issuedAt: string
  receivedAt: string
}
type SWitnessView = {
  nodeId: SWitnessRow['nodeId']
  size: SWitnessRow['size']
  root: SWitnessRow['root']
  timestamp: string
  status: SWitnessRow['status']
  receivedAt: string
}
type SAlertView = {
  id: SAlertRow['id']
  nodeId: SAlertRow['nodeId']
  kind: SAlertRow['kind']
  message: SAlertRow['message']
  createdAt: string
}

export const contract: {
  nodeRole: Same<W.NodeRole, SNodeRole>
  nodeInfo: Same<W.NodeInfo, SNodeInfo>
  organisationKind: Same<W.OrganisationKind, SOrganisationKind>
  organisation: Same<W.Organisation, SOrganisation>
  platformRole: Same<W.PlatformRole, SPlatformRole>
  regulatorRole: Same<W.RegulatorRole, SRegulatorRole>
  role: Same<W.Role, SRole>
  permission: Same<W.Permission, SPermission>
  staffView: Same<W.StaffView, SStaffView>
  me: Same<W.Me, SMe>
  roleInfo: Same<W.RoleInfo, SRoleInfo>
  tokenView: Same<W.TokenView, STokenView>
  createStaff: Same<W.CreateStaffBody, SCreateStaffInput>
  updateStaff: Same<W.UpdateStaffBody, SUpdateStaffInput>
  fieldProblem: Same<W.FieldProblem, SFieldProblem>
  ledgerCheckpoint: Same<W.LedgerCheckpoint, SSignedCheckpoint>
  // The route adds the node's key to the status.
  ledgerStatus: Same<Omit<W.LedgerStatus, 'publicKey' | 'keyName'>, SLedgerStatus>
  ledgerActor: Same<W.LedgerActor, SLedgerActor>
  ledgerEntry: Same<W.LedgerEntry, SEntryView>
  ledgerEntryFilter: Same<W.LedgerEntryFilter, SEntryFilter>
  peerView: Same<W.PeerView, SPeerView>
  addPeer: Same<W.AddPeerBody, SAddPeerInput>
  updatePeer: Same<W.UpdatePeerBody, SUpdatePeerInput>
  peers: Same<W.PeersAnswer['items'], SPeerView[]>
  outboxMessage: Same<W.OutboxMessage, SOutboxView>
  outboxCounts: Same<W.OutboxAnswer['counts'], Awaited<ReturnType<typeof sOutboxCounts>>>
  inboxEnvelope: Same<W.InboxEnvelope, SInboxView>
  witnessedCheckpoint: Same<W.WitnessedCheckpoint, SWitnessView>
  witnessAlert: Same<W.WitnessAlert, SAlertView>
  platformUser: Same<W.PlatformUser, SPlatformUser>
  userSession: Same<W.UserSession, SUserSession>
  userMe: Same<W.UserMe, SUserMe>
  registerUser: Same<W.RegisterUserBody, Parameters<typeof sRegisterUser>[2]>
  userSignIn: Same<W.UserSignInBody, Parameters<typeof sSignInUser>[2]>
  identityBody: Same<W.IdentityBody, Parameters<typeof sVerifyIdentity>[2]>
  identityVerified: Same<W.IdentityVerified, Awaited<ReturnType<typeof sVerifyIdentity>>>
  ruleKind: Same<W.RuleKind, SRuleKind>
  ruleDocument: Same<W.RuleDocument, SRuleDocument>
  publishRule: Same<W.PublishRuleBody, SPublishRuleInput>
  acceptRules: Same<W.AcceptRulesBody['documents'], Parameters<typeof sAcceptRules>[2]>
  acceptRulesAnswer: Same<W.AcceptRulesAnswer, Awaited<ReturnType<typeof sAcceptRules>>>
  contentKind: Same<W.ContentKind, SContentKind>
  capabilities: Same<W.Capabilities, SCapabilities>
  creditTier: Same<W.CreditTier, SCreditTier>
  creditPolicyDocument: Same<W.CreditPolicyDocument, SCreditPolicyDocument>
  creditPolicy: Same<W.CreditPolicy, SCreditPolicy>
  publishCreditPolicy: Same<W.PublishCreditPolicyBody, Parameters<typeof sPublishCreditPolicy>[2]>
  creditEventKind: Same<W.CreditEventKind, SCreditEventKind>
  creditEventView: Same<W.CreditEventView, SCreditEventView>
  creditView: Same<W.CreditView, SCreditView>
  platformUserRow: Same<W.PlatformUserRow, SPlatformUserRow>
  // The route's body, with the user from the address, is an input the server records.
  creditEventBody: Fits<W.CreditEventBody & { userId: string }, SCreditEventInput>
  restoreCredit: Same<W.RestoreCreditBody['reason'], Parameters<typeof sRestoreCredit>[3]>
  // The console reads every problem the server sends; its own `code` is wider (any string).
  contentStatus: Same<W.ContentStatus, SContentStatus>
  reasonView: Same<W.ReasonView, SReasonView>
  contentView: Same<Flat<W.ContentView>, SContentView>
  ownContentView: Same<Flat<W.OwnContentView>, Flat<SOwnContentView>>
  publishBody: Same<W.PublishBody, SPublishInput>
  heldItem: Same<Flat<W.HeldItem>, Flat<SHeldItem>>
  queueItem: Same<Flat<W.QueueItem>, Flat<SQueueItem>>
  reviewDecision: Same<W.ReviewDecision, SDecision>
  reviewHistoryEntry: Same<W.ReviewHistoryEntry, SHistoryEntry>
  reviewHistory: Same<Flat<W.ReviewHistory>, Flat<Awaited<ReturnType<typeof sItemHistory>>>>
  reasonTemplate: Same<W.ReasonTemplate, Flat<(typeof SREASON_TEMPLATES)[number]>>
  patrolRun: Same<W.PatrolRun, SPatrolRunView>
  sampleItem: Same<Flat<W.SampleItem>, Flat<SSampleItem>>
  patrolCoverage: Same<W.PatrolCoverage, SCoverageView>
  staffingDay: Same<W.StaffingDay, SStaffingDay>
  staffing: Same<W.Staffing, SStaffingView>
  userNotice: Same<W.UserNotice, SNoticeView>
  lexiconEntry: Same<W.LexiconEntry, SLexiconEntry>
  ruleSet: Same<Omit<W.RuleSetView, 'policy'>, Omit<SRuleSetView, 'policy'>>
  falseClaim: Same<W.FalseClaim, SFalseClaimView>
  filingStatus: Same<W.FilingStatus, SFilingStatus>
  filingDelivery: Same<W.FilingDelivery, SFilingDelivery>
  filing: Same<W.Filing, SFilingView>
  witnessCheck: Same<W.WitnessCheck, SWitnessCheck>
  platformReport: Same<W.PlatformReport, SPlatformReportView>
  platformReportEntry: Same<W.PlatformReportEntry, SPlatformReportEntryView>
  platformReportDetail: Same<Flat<W.PlatformReportDetail>, Flat<SPlatformReportDetail>>
  reportCategoryKey: Same<W.ReportCategoryKey, SReportCategoryKey>
  fileReport: Same<W.FileReportBody, SFileReportInput>
  reportView: Same<W.ReportView, SReportView>
  reportGuide: Same<W.ReportGuide, ReturnType<typeof sReportGuide>>
  reportGuideCategory: Same<W.ReportGuideCategory, ReturnType<typeof sReportGuide>['categories'][number]>
  reportQueueEntry: Same<W.ReportQueueEntry, SReportQueueEntry>
  itemReport: Same<Flat<W.ItemReport>, Flat<SItemReportsView['reports'][number]>>
  // The reports are an intersection on the server and an interface here: compared one by one (itemReport).
  itemReports: Same<
    [keyof W.ItemReportsView, Flat<W.ItemReportsView['item']>],
    [keyof SItemReportsView, Flat<SItemReportsView['item']>]
  >
  decideReports: Same<W.DecideReportsBody, SDecideReportsInput>
  // The route keeps the claim to itself: it is for the screener, after the commit.
  decideReportsAnswer: Same<W.DecideReportsAnswer, Flat<Omit<SDecideReportsResult, 'sweep'>>>
  muteReporter: Same<W.MuteReporterBody, Parameters<typeof sMuteReporter>[3]>
  muteReporterAnswer: Same<W.MuteReporterAnswer, Awaited<ReturnType<typeof sMuteReporter>>>
  measure: Same<W.Measure, SMeasure>
  disposalCategory: Same<W.DisposalCategory, SDisposalCategory>
  rumorSource: Same<W.RumorSource, SRumorSource>
  rumorView: Same<W.RumorView, SRumorView>
  disposalView: Same<W.DisposalView, SDisposalView>
  disposalItemView: Same<W.DisposalItemView, SDisposalItemView>
  indexStatus: Same<W.IndexStatus, SIndexStatus>
  disposalDetail: Same<W.DisposalDetail, Awaited<ReturnType<typeof sDisposalDetail>>>
  disposeItem: Same<W.DisposeItemBody, SDisposalInput>
  confirmRumor: Same<Flat<W.ConfirmRumorBody>, Flat<SConfirmRumorInput>>
  retainedCopy: Same<W.RetainedCopy, Awaited<ReturnType<typeof sOpenRetained>>>
  holdView: Same<W.HoldView, SHoldView>
  appealView: Same<W.AppealView, SAppealView>
  appealQueueEntry: Same<Flat<W.AppealQueueEntry>, Flat<SAppealQueueEntry>>
  fileAppeal: Same<W.FileAppealBody, Parameters<typeof sFileAppeal>[2]>
  decideAppeal: Same<W.DecideAppealBody, Parameters<typeof sDecideAppeal>[4]>
  orderKind: Same<W.OrderKind, SOrderKind>
  orderTarget: Same<W.OrderTarget, SOrderTarget>
  orderExecution: Same<W.OrderExecution, SOrderExecution>
  orderView: Same<W.OrderView, SOrderView>
  issueOrder: Same<W.IssueOrderBody, SIssueOrderInput>
  receivedOrderExecution: Same<W.ReceivedOrderExecution, SReceivedOrderExecution>
  receivedOrderView: Same<W.ReceivedOrderView, SReceivedOrderView>
  deliveryView: Same<W.DeliveryView, SDeliveryView>
  clarificationView: Same<W.ClarificationView, SClarificationView>
  draftClarification: Same<W.DraftClarificationBody, SDraftInput>
  claimReview: Same<W.ClaimReview, ReturnType<typeof sClaimReview>>
  publicClarification: Same<W.PublicClarification, SPublicClarification>
  publicReportStatus: Same<W.PublicReportStatus, SPublicReportStatus>
  evidenceType: Same<W.EvidenceType, SEvidenceType>
  publicReportCategory: Same<W.PublicReportCategory, SPublicReportCategory>
  publicReportGuide: Same<W.PublicReportGuide, SPublicReportGuide>
  evidenceFile: Same<W.EvidenceFileBody, SEvidenceInput>
  filePublicReport: Same<W.FilePublicReportBody, SFilePublicReportInput>
  publicReportReceipt: Same<W.PublicReportReceipt, SPublicReportReceipt>
  publicReportLookup: Same<W.PublicReportLookup, SPublicReportLookup>
  publicReportView: Same<W.PublicReportView, SPublicReportView>
  publicReportEvidence: Same<W.PublicReportEvidence, SEvidenceView>
  publicReportClusterMember: Same<W.PublicReportClusterMember, SClusterMember>
  publicReportUnsealing: Same<W.PublicReportUnsealing, SUnsealingView>
  publicReportDetail: Same<Flat<W.PublicReportDetail>, Flat<SPublicReportDetail>>
  closePublicReport: Same<W.ClosePublicReportBody, SClosePublicReportInput>
  unsealedIdentity: Same<W.UnsealedIdentity, SUnsealedIdentity>
  caseStatus: Same<W.CaseStatus, SCaseStatus>
  caseDepartment: Same<W.CaseDepartmentView, SCaseDepartmentView>
  caseView: Same<W.CaseView, SCaseView>
  consultation: Same<W.ConsultationView, SConsultationView>
  caseDetail: Same<Flat<W.CaseDetail>, Flat<SCaseDetail>>
  transferMaterials: Same<W.TransferMaterials, STransferMaterials>
  routePreview: Same<W.RoutePreview, SRoutePreview>
  caseTransfer: Same<W.CaseTransferView, SCaseTransferView>
  bulletinRecipient: Same<W.BulletinRecipientView, SBulletinRecipientView>
  bulletin: Same<W.BulletinView, SBulletinView>
  accountabilityFinding: Fits<SFinding, A.Finding>
  supervisionView: Fits<SSupervisionView, A.SupervisionView>
  accountabilityRecord: Same<A.AccountabilityRecordView, SAccountabilityRecordView>
  recordAccountability: Same<A.RecordBody, SRecordAccountabilityInput>
  issueBulletin: Same<W.IssueBulletinBody, SIssueBulletinInput>
  receivedBulletin: Same<W.ReceivedBulletinView, SReceivedBulletinView>
  openCase: Same<W.OpenCaseBody, SOpenCaseInput>
  addCaseDepartment: Same<W.AddCaseDepartmentBody, Parameters<typeof sAddCaseDepartment>[3]>
  recordConsultation: Same<W.RecordConsultationBody, Parameters<typeof sRecordConsultation>[3]>
  setCaseDeadline: Same<W.SetCaseDeadlineBody, Parameters<typeof sSetCaseDeadline>[3]>
  escalateCase: Same<W.EscalateCaseBody, Parameters<typeof sEscalateCase>[3]>
  closeCase: Same<W.CloseCaseBody, Parameters<typeof sCloseCase>[3]>
  routingRule: Same<W.RoutingRuleView, SRoutingRuleView>
  routingRules: Same<W.RoutingRules, Awaited<ReturnType<typeof sListRoutingRules>>>
  routingRuleInput: Same<W.RoutingRuleInput, SRoutingRuleInput>
  workingDay: Same<Flat<W.WorkingDayView>, Flat<SWorkingDayView>>
  setWorkingDay: Same<W.SetWorkingDayBody, Parameters<typeof sSetWorkingDayOverride>[3]>
  inspectionView: Same<W.InspectionView, SInspectionView>
  requestInspection: Same<W.RequestInspectionBody, SRequestInspectionInput>
  inspectionFigures: Same<W.InspectionFigures, SInspectionFigures>
  recommendationModel: Same<W.RecommendationModelDocument, SRecommendationModelDocument>
  feedIntervention: Same<W.FeedInterventionView, SInterventionView>
  penaltyStep: Same<P.Step, SPenaltyStep>
  penaltyCase: Fits<SPenaltyCaseView, P.PenaltyCaseView>
  allowedMeasures: Fits<
    SAllowedMeasures & { labels: Record<string, { zh: string; en: string }> },
    P.AllowedMeasures
  >
  creditRecord: Fits<SCreditRecordView, P.CreditRecordView>
  referral: Fits<SReferralView, R.ReferralView>
  sendReferral: Fits<R.SendReferralBody, SSendReferralInput>
  referralStep: Same<Omit<R.StepBody, 'step'>, Omit<SReferralStepInput, 'step'>>
  lawProvision: Fits<SLawProvision, R.LawProvision>
  caseIndividual: Fits<SCaseIndividualView, R.CaseIndividualView>
  indicator: Fits<SIndicator, E.Indicator>
  indicatorSet: Fits<SIndicatorSetView, E.IndicatorSetView>
  scorecard: Fits<SScorecard, E.Scorecard>
  evaluationRun: Fits<SEvaluationRunView, E.EvaluationRunView>
  metricsFigures: Fits<SMetricsFigures, E.MetricsFigures>
  platformMetrics: Fits<SPlatformMetricsView, E.PlatformMetricsView>
  stakeholderInput: Fits<SStakeholderInputView, E.StakeholderInputView>
  surveySummary: Fits<SSurveySummary, E.SurveySummary>
  problem: Fits<SProblem, W.Problem>
} = {
  nodeRole: true,
  nodeInfo: true,
  organisationKind: true,
  organisation: true,
  platformRole: true,
  regulatorRole: true,
  role: true,
  permission: true,
  staffView: true,
  me: true,
  roleInfo: true,
  tokenView: true,
  createStaff: true,
  updateStaff: true,
  fieldProblem: true,
  ledgerCheckpoint: true,
  ledgerStatus: true,
  ledgerActor: true,
  ledgerEntry: true,
  ledgerEntryFilter: true,
  peerView: true,
  addPeer: true,
  updatePeer: true,
  peers: true,
  outboxMessage: true,
  outboxCounts: true,
  inboxEnvelope: true,
  witnessedCheckpoint: true,
  witnessAlert: true,
  platformUser: true,
  userSession: true,
  userMe: true,
  registerUser: true,
  userSignIn: true,
  identityBody: true,
  identityVerified: true,
  ruleKind: true,
  ruleDocument: true,
  publishRule: true,
  acceptRules: true,
  acceptRulesAnswer: true,
  contentKind: true,
  capabilities: true,
  creditTier: true,
  creditPolicyDocument: true,
  creditPolicy: true,
  publishCreditPolicy: true,
  creditEventKind: true,
  creditEventView: true,
  creditView: true,
  platformUserRow: true,
  creditEventBody: true,
  restoreCredit: true,
  contentStatus: true,
  reasonView: true,
  contentView: true,
  ownContentView: true,
  publishBody: true,
  heldItem: true,
  queueItem: true,
  reviewDecision: true,
  reviewHistoryEntry: true,
  reviewHistory: true,
  reasonTemplate: true,
  patrolRun: true,
  sampleItem: true,
  patrolCoverage: true,
  staffingDay: true,
  staffing: true,
  userNotice: true,
  lexiconEntry: true,
  ruleSet: true,
  falseClaim: true,
  filingStatus: true,
  filingDelivery: true,
  filing: true,
  witnessCheck: true,
  platformReport: true,
  platformReportEntry: true,
  platformReportDetail: true,
  reportCategoryKey: true,
  fileReport: true,
  reportView: true,
  reportGuide: true,
  reportGuideCategory: true,
  reportQueueEntry: true,
  itemReport: true,
  itemReports: true,
  decideReports: true,
  decideReportsAnswer: true,
  muteReporter: true,
  muteReporterAnswer: true,
  measure: true,
  disposalCategory: true,
  rumorSource: true,
  rumorView: true,
  disposalView: true,
  disposalItemView: true,
  indexStatus: true,
  disposalDetail: true,
  disposeItem: true,
  confirmRumor: true,
  retainedCopy: true,
  holdView: true,
  appealView: true,
  appealQueueEntry: true,
  fileAppeal: true,
  decideAppeal: true,
  orderKind: true,
  orderTarget: true,
  orderExecution: true,
  orderView: true,
  issueOrder: true,
  receivedOrderExecution: true,
  receivedOrderView: true,
  deliveryView: true,
  clarificationView: true,
  draftClarification: true,
  claimReview: true,
  publicClarification: true,
  publicReportStatus: true,
  evidenceType: true,
  publicReportCategory: true,
  publicReportGuide: true,
  evidenceFile: true,
  filePublicReport: true,
  publicReportReceipt: true,
  publicReportLookup: true,
  publicReportView: true,
  publicReportEvidence: true,
  publicReportClusterMember: true,
  publicReportUnsealing: true,
  publicReportDetail: true,
  closePublicReport: true,
  unsealedIdentity: true,
  caseStatus: true,
  caseDepartment: true,
  caseView: true,
  consultation: true,
  caseDetail: true,
  transferMaterials: true,
  routePreview: true,
  caseTransfer: true,
  bulletinRecipient: true,
  bulletin: true,
  accountabilityFinding: true,
  supervisionView: true,
  accountabilityRecord: true,
  recordAccountability: true,
  issueBulletin: true,
  receivedBulletin: true,
  openCase: true,
  addCaseDepartment: true,
  recordConsultation: true,
  setCaseDeadline: true,
  escalateCase: true,
  closeCase: true,
  routingRule: true,
  routingRules: true,
  routingRuleInput: true,
  workingDay: true,
  setWorkingDay: true,
  inspectionView: true,
  requestInspection: true,
  inspectionFigures: true,
  recommendationModel: true,
  feedIntervention: true,
  penaltyStep: true,
  penaltyCase: true,
  allowedMeasures: true,
  creditRecord: true,
  referral: true,
  sendReferral: true,
  referralStep: true,
  lawProvision: true,
  caseIndividual: true,
  indicator: true,
  indicatorSet: true,
  scorecard: true,
  evaluationRun: true,
  metricsFigures: true,
  platformMetrics: true,
  stakeholderInput: true,
  surveySummary: true,
  problem: true,
}
