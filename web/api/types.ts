// The API's types, copied from the server. A type-only import of the server's modules would drag its route
// plugins and their Fastify augmentations into the console's type check, so the console keeps its own copies.
// Each one names the server type it mirrors; `npx tsc --noEmit -p web/tsconfig.contract.json` checks that they
// still match (web/api/contract.check.ts).

/** Mirrors `NodeRole` in src/core/config.ts. */
export type NodeRole = 'regulator' | 'platform'

/** Mirrors `NodeInfo` in src/core/node/node.ts (GET /api/node). */
export interface NodeInfo {
  nodeId: string
  role: NodeRole
  nameZh: string
  nameEn: string
  version: string
  demo: boolean
  /** Ed25519 public key (32 bytes, base64) that verifies this node's checkpoints and envelopes. */
  publicKey: string
}

/** Mirrors `OrganisationKind` in src/core/organisations/jurisdiction.ts. */
export type OrganisationKind = 'cac' | 'department' | 'county' | 'procuratorate' | 'platform'

/** Mirrors `Organisation` in src/core/organisations/organisations.ts. */
export interface Organisation {
  id: string
  key: string
  kind: OrganisationKind
  nameZh: string
  nameEn: string
  divisionCode: string | null
  parentId: string | null
}

/** Mirrors `PlatformRole` in src/core/auth/roles.ts. */
export type PlatformRole = 'platform_admin' | 'operator' | 'reviewer' | 'inspector'
/** Mirrors `RegulatorRole` in src/core/auth/roles.ts. */
export type RegulatorRole = 'regulator_admin' | 'officer' | 'supervisor' | 'procurator'
/** Mirrors `Role` in src/core/auth/roles.ts. */
export type Role = PlatformRole | RegulatorRole

/** Mirrors `Permission` in src/core/auth/roles.ts (the values of `PERMISSIONS`). */
export type Permission =
  | 'node.read'
  | 'organisation.read'
  | 'staff.read'
  | 'staff.manage'
  | 'token.manage'
  | 'ledger.read'
  | 'ledger.checkpoint'
  | 'protocol.read'
  | 'protocol.manage'
  | 'witness.read'
  | 'rules.manage'
  | 'credit.read'
  | 'credit.manage'
  | 'screening.read'
  | 'screening.manage'
  | 'review.read'
  | 'review.act'
  | 'review.lead'
  | 'patrol.act'
  | 'staffing.read'
  | 'report.read'
  | 'report.handle'
  | 'disposal.read'
  | 'disposal.act'
  | 'appeal.decide'
  | 'retention.read'
  | 'retention.hold'
  | 'filing.read'
  | 'platform_report.read'
  | 'clarification.read'
  | 'clarification.draft'
  | 'clarification.approve'
  | 'order.read'
  | 'order.issue'
  | 'order.execute'
  | 'public_report.read'
  | 'public_report.handle'
  | 'report_identity.unseal'
  | 'inspection.read'
  | 'inspection.request'
  | 'case.read'
  | 'case.manage'
  | 'case.supervise'
  | 'recommendation.read'
  | 'recommendation.manage'
  | 'metrics.read'
  | 'metrics.submit'
  | 'evaluation.read'
  | 'evaluation.input'
  | 'evaluation.manage'
  | 'referral.read'
  | 'referral.manage'
  | 'referral.procurate'
  | 'individual_identity.unseal'
  | 'convention.read'
  | 'convention.publish'
  | 'convention.sign'
  | 'education.publish'
  | 'accountability.read'
  | 'accountability.manage'
  | 'penalty.read'
  | 'penalty.manage'
  | 'penalty.review'

/** Mirrors `StaffView` in src/core/auth/staff.ts. */
export interface StaffView {
  id: string
  login: string
  displayName: string
  organisationId: string
  roles: Role[]
  disabled: boolean
  createdAt: string
  lastLoginAt: string | null
}

/** Mirrors `Me` in src/core/auth/staff.ts (GET /api/auth/me, POST /api/auth/login). */
export interface Me {
  staff: StaffView
  organisation: Organisation
  permissions: Permission[]
  /** Sent back as `x-csrf-token` on every mutating request. */
  csrfToken: string
}

/** Mirrors `RoleInfo` in src/core/auth/staff.ts (GET /api/roles). */
export interface RoleInfo {
  role: Role
  zh: string
  en: string
  /** Kinds of organisation a person with this role may belong to. */
  organisationKinds: OrganisationKind[]
}

/** Mirrors `TokenView` in src/core/auth/sessions.ts. */
export interface TokenView {
  id: string
  name: string
  prefix: string
  roles: Role[]
  organisationId: string
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** Mirrors `CreateStaffInput` in src/core/auth/staff.ts (body of POST /api/staff). */
export interface CreateStaffBody {
  login: string
  displayName: string
  password: string
  roles: Role[]
  organisationId: string
}

/** Mirrors `UpdateStaffInput` in src/core/auth/staff.ts (body of PATCH /api/staff/:id). */
export interface UpdateStaffBody {
  displayName?: string
  roles?: Role[]
  disabled?: boolean
  password?: string
}

/** Body of POST /api/tokens (mirrors the `input` of `createToken` in src/core/auth/sessions.ts). */
export interface CreateTokenBody {
  name: string
  roles: Role[]
}

/** Answer of POST /api/tokens (mirrors the result of `createToken`); the secret in `token` is shown once. */
export interface CreatedToken {
  token: string
  view: TokenView
}

/** Mirrors `SignedCheckpoint` in src/ledger/service.ts (`CheckpointSchema` in src/ledger/routes.ts). */
export interface LedgerCheckpoint {
  /** The node id; also the name of the key that signs. */
  origin: string
  size: number
  /** Hex SHA-256 root of the tree of `size` entries. */
  root: string
  /** ISO time; the note carries the same instant in ms. */
  timestamp: string
  /** The C2SP signed note: body, blank line, signature line. */
  note: string
}

/** GET /api/ledger/checkpoint: mirrors `LedgerStatus` in src/ledger/service.ts, plus the node's signing key. */
export interface LedgerStatus {
  checkpoint: LedgerCheckpoint | null
  size: number
  pending: number
  oldestPendingAgeMs: number | null
  sequenceIntervalMs: number
  /** Standard base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string
  keyName: string
}

/** Mirrors `LedgerActor` in src/ledger/entry.ts. */
export interface LedgerActor {
  kind: 'staff' | 'token' | 'system' | 'peer' | 'user'
  id: string
  staffId: string | null
  organisationId: string | null
  name: string
}

/**
 * One sequenced entry of GET /api/ledger/entries (`EntrySchema` in src/ledger/routes.ts): the `EntryFields` of
 * src/ledger/entry.ts with its index, the canonical bytes that were hashed, and their leaf hash.
 */
export interface LedgerEntry {
  index: number
  id: string
  recordedAt: string
  actor: LedgerActor
  action: string
  subject: { type: string; id: string }
  articles: string[]
  ruleVersion: string | null
  evidenceDigest: string
  details: Record<string, unknown>
  /** RFC 8785 JSON, exactly the bytes hashed into the leaf. */
  leafData: string
  /** Hex SHA-256(0x00 ‖ leafData). */
  leafHash: string
}

/** Answer of GET /api/ledger/entries. */
export interface LedgerEntries {
  items: LedgerEntry[]
  /** Entries sequenced so far. */
  size: number
}

/** Mirrors `EntryFilter` in src/ledger/store.ts: the filters of GET /api/ledger/entries (`to` is exclusive). */
export interface LedgerEntryFilter {
  from?: number
  to?: number
  action?: string
  subjectType?: string
  subjectId?: string
  article?: string
  actorId?: string
}

/** GET /api/ledger/proofs/inclusion (src/ledger/routes.ts); hashes in hex, the proof leaf-side first. */
export interface InclusionProof {
  index: number
  size: number
  leafHash: string
  root: string
  proof: string[]
}

/** GET /api/ledger/proofs/consistency (src/ledger/routes.ts); hashes in hex. */
export interface ConsistencyProof {
  from: number
  to: number
  fromRoot: string
  toRoot: string
  proof: string[]
}

/** Mirrors `PeerView` in src/protocol/peers.ts (exported from src/protocol/index.ts): another node this one talks to. */
export interface PeerView {
  nodeId: string
  kind: NodeRole
  nameZh: string
  nameEn: string
  /** Where the peer's API is; envelopes go to `<baseUrl>/api/protocol/inbox`. */
  baseUrl: string
  /** The peer's Ed25519 public key (32 bytes, base64): what its envelopes and checkpoints are verified with. */
  publicKey: string
  status: 'active' | 'suspended'
  createdAt: string
  updatedAt: string
}

/** Mirrors `AddPeerInput` in src/protocol/peers.ts (body of POST /api/protocol/peers). */
export interface AddPeerBody {
  nodeId: string
  kind: NodeRole
  nameZh: string
  nameEn: string
  baseUrl: string
  publicKey: string
}

/** Mirrors `UpdatePeerInput` in src/protocol/peers.ts (body of PATCH /api/protocol/peers/:nodeId; at least one field). */
export interface UpdatePeerBody {
  nameZh?: string
  nameEn?: string
  baseUrl?: string
  publicKey?: string
  status?: 'active' | 'suspended'
}

/**
 * GET /api/protocol/peers (src/protocol/routes.ts): the peers, and this node's own id and key, which the other side
 * registers. `self` is written by hand from the route's TypeBox schema.
 */
export interface PeersAnswer {
  items: PeerView[]
  self: { nodeId: string; publicKey: string }
}

/** The statuses the outbox worker writes (src/protocol/protocol.ts); the route's schema only says `string`. */
export type OutboxStatus = 'pending' | 'delivered' | 'failed'

/**
 * One message of GET /api/protocol/outbox. Mirrored by hand from `OutboxSchema` in src/protocol/routes.ts (a
 * TypeBox schema the server does not export); the contract check compares it with the `outbox` row it is made of.
 */
export interface OutboxMessage {
  /** Also the id of the envelope it carries (the answer of a ping). */
  id: string
  toNode: string
  type: string
  /** One of `OutboxStatus`, kept as a string as the schema has it. */
  status: string
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  deliveredAt: string | null
}

/** GET /api/protocol/outbox (by hand from src/protocol/routes.ts): newest first, and the count of every status. */
export interface OutboxAnswer {
  items: OutboxMessage[]
  /** Messages per status; a status with none is absent. */
  counts: Record<string, number>
}

/** One envelope of GET /api/protocol/inbox, mirrored by hand from the route's TypeBox schema (src/protocol/routes.ts). */
export interface InboxEnvelope {
  /** The sender's envelope id. */
  id: string
  type: string
  fromNode: string
  issuedAt: string
  receivedAt: string
}

/** The statuses of a witnessed checkpoint (the `witness_checkpoint` table, src/protocol/tables.ts). */
export type WitnessStatus = 'first' | 'consistent' | 'unverified' | 'inconsistent'

/**
 * One checkpoint of GET /api/witness/checkpoints (regulator only), mirrored by hand from the route's TypeBox schema
 * (src/protocol/routes.ts).
 */
export interface WitnessedCheckpoint {
  /** The platform that signed it. */
  nodeId: string
  size: number
  /** Hex SHA-256 root. */
  root: string
  /** When the platform signed it. */
  timestamp: string
  /** One of `WitnessStatus`, kept as a string as the schema has it. */
  status: string
  receivedAt: string
}

/** The kinds of alert the witness raises (`raiseAlert` in src/protocol/witness.ts). */
export type WitnessAlertKind = 'fork' | 'inconsistent' | 'bad-signature'

/** One alert of GET /api/witness/alerts, mirrored by hand from the route's TypeBox schema (src/protocol/routes.ts). */
export interface WitnessAlert {
  id: string
  nodeId: string
  /** One of `WitnessAlertKind`, kept as a string as the schema has it. */
  kind: string
  /** In English, written by the witness. */
  message: string
  createdAt: string
}

// --- reports of prohibited information found and handled (A16): the platform's filings, the regulator's copies ---

/** What a platform found, in both languages, and when (`FilingSummary` in src/platform/filings/tables.ts). */
export interface ReportFound {
  what: { zh: string; en: string }
  at: string
}

/** The measures a platform took and when they were done. */
export interface ReportDone {
  measures: string[]
  at: string
}

/** One item handled: its SHA-256 (hex) stands for its text, which stays on the platform. */
export interface ReportItem {
  id: string
  kind: string
  digest: string
}

/** Mirrors `FilingStatus` in src/platform/filings/filings.ts. */
export type FilingStatus = 'waiting' | 'sent'

/** Mirrors `FilingDelivery` in src/platform/filings/filings.ts: the outbox's delivery of the sent envelope. */
export interface FilingDelivery {
  status: string
  attempts: number
  deliveredAt: string | null
  lastError: string | null
}

/** Mirrors `FilingView` in src/platform/filings/filings.ts (GET /api/filings, platform only). */
export interface Filing {
  id: string
  subject: { type: string; id: string }
  category: string
  toNode: string
  status: FilingStatus
  found: ReportFound
  done: ReportDone
  items: ReportItem[]
  ledgerEntryIds: string[]
  queuedEntryId: string
  envelopeId: string | null
  delivery: FilingDelivery | null
  createdAt: string
  sentAt: string | null
  /** Why a waiting filing waits. */
  lastError: string | null
}

/** Mirrors `WitnessCheck` in src/regulator/platform-reports/reports.ts. */
export type WitnessCheck = 'witnessed' | 'consistent' | 'not-cross-checked'

/** Mirrors `PlatformReportView` in src/regulator/platform-reports/reports.ts (GET /api/platform-reports). */
export interface PlatformReport {
  id: string
  fromNode: string
  filingId: string
  envelopeId: string
  subject: { type: string; id: string }
  category: string
  found: ReportFound
  done: ReportDone
  itemCount: number
  entryCount: number
  checkpointSize: number
  checkpointRoot: string
  proofsVerified: boolean
  witnessCheck: WitnessCheck
  receivedAt: string
}

/** Mirrors `PlatformReportEntryView` in src/regulator/platform-reports/reports.ts. */
export interface PlatformReportEntry {
  id: string
  index: number
  leafData: string
  leafHash: string
  proof: string[]
  action: string | null
  recordedAt: string | null
  subject: { type: string; id: string } | null
  isFilingRecord: boolean
  verified: boolean
}

/** Mirrors `PlatformReportDetail` in src/regulator/platform-reports/reports.ts (GET /api/platform-reports/:id). */
export interface PlatformReportDetail extends PlatformReport {
  items: ReportItem[]
  checkpointNote: string
  entries: PlatformReportEntry[]
}

// --- platform users (网民), rules and agreements (A13.1), real identity (A13.2), account credit (A13.3) ---

/** Mirrors `PlatformUser` in src/platform/accounts/accounts.ts: a platform user as anyone but themself sees them. */
export interface PlatformUser {
  id: string
  /** Free: 前台自愿. The real identity is behind it, sealed. */
  displayName: string
  status: 'active' | 'suspended'
  createdAt: string
}

/**
 * Answer of POST /api/users and POST /api/users/session (`SessionSchema` in src/platform/accounts/routes.ts): the
 * user, and the CSRF token that goes back as `x-csrf-token` on the user's mutating requests. The session itself
 * rides in the httpOnly `ql_user` cookie, apart from a staff session.
 */
export interface UserSession {
  user: PlatformUser
  csrfToken: string
}

/** GET /api/users/me (`MeSchema` in src/platform/accounts/routes.ts). */
export interface UserMe extends UserSession {
  identityVerified: boolean
}

/** Body of POST /api/users (the `input` of `registerUser` in src/platform/accounts/accounts.ts). */
export interface RegisterUserBody {
  /** A mainland mobile number, with or without +86. */
  phone: string
  /** At least 10 characters, not the phone number. */
  password: string
  displayName: string
}

/** Body of POST /api/users/session (the `input` of `signInUser` in src/platform/accounts/accounts.ts). */
export interface UserSignInBody {
  phone: string
  password: string
}

/** Body of POST /api/users/me/identity (the `input` of `verifyIdentity` in src/platform/identity/identity.ts). */
export interface IdentityBody {
  realName: string
  idNumber: string
}

/** Answer of POST /api/users/me/identity (mirrors the result of `verifyIdentity`). */
export interface IdentityVerified {
  verifiedAt: string
  /** The verifier that confirmed it (`format-check` when no outside service is plugged in). */
  adapter: string
}

/** Mirrors `RuleKind` in src/platform/rules/rules.ts. */
export type RuleKind = 'management_rules' | 'convention' | 'user_agreement'

/** Mirrors `RuleDocument` in src/platform/rules/rules.ts: one version of one published document. */
export interface RuleDocument {
  kind: RuleKind
  version: number
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  changeNote: string
  publishedAt: string
  /** The public address of this version (`/rules/<kind>/<version>`). */
  url: string
}

/** Mirrors `PublishRuleInput` in src/platform/rules/rules.ts (body of POST /api/rules). */
export interface PublishRuleBody {
  kind: RuleKind
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  changeNote: string
}

/** Body of POST /api/users/me/acceptances (the `accepted` of `acceptRules` in src/platform/rules/rules.ts). */
export interface AcceptRulesBody {
  documents: { kind: RuleKind; version: number }[]
}

/** Answer of POST /api/users/me/acceptances (mirrors the result of `acceptRules`): what is still pending. */
export interface AcceptRulesAnswer {
  pending: RuleDocument[]
}

/** Mirrors `ContentKind` in src/platform/credit/policy.ts. */
export type ContentKind = 'post' | 'comment' | 'reply' | 'danmaku'

/** Mirrors `Capabilities` in src/platform/credit/policy.ts: what an account of a tier may do. */
export interface Capabilities {
  publishing: boolean
  /** Everything it publishes waits for a reviewer (先审后发). */
  preReview: boolean
  /** Its items may be recommended (A14). */
  recommend: boolean
  messaging: boolean
  dailyLimits: Record<ContentKind, number>
}

/** Mirrors `CreditTier` in src/platform/credit/policy.ts. */
export interface CreditTier {
  key: string
  /** Lowest score in this tier. */
  min: number
  zh: string
  en: string
  descriptionZh: string
  descriptionEn: string
  capabilities: Capabilities
}

/** Mirrors `CreditPolicyDocument` in src/platform/credit/policy.ts. */
export interface CreditPolicyDocument {
  initial: number
  max: number
  /** Highest first. */
  tiers: CreditTier[]
  deltas: {
    identityVerified: number
    violation: { '1': number; '2': number; '3': number }
    fictionUnlabelled: number
    recoveryPerDay: number
    /** Days without a negative event before recovery starts. */
    recoveryAfterDays: number
  }
}

/** Mirrors `CreditPolicy` in src/platform/credit/credit.ts (GET /api/credit/policy; version 0 is the built-in default). */
export interface CreditPolicy {
  version: number
  document: CreditPolicyDocument
  note: string
  publishedAt: string | null
}

/** Body of POST /api/credit/policy (src/platform/credit/routes.ts). */
export interface PublishCreditPolicyBody {
  document: CreditPolicyDocument
  note: string
}

/** Mirrors `CreditEventKind` in src/platform/credit/credit.ts. */
export type CreditEventKind =
  | 'identity_verified'
  | 'violation'
  | 'fiction_unlabelled'
  | 'appeal_upheld'
  | 'recovery'
  | 'adjustment'

/** Mirrors `CreditEventView` in src/platform/credit/credit.ts: one change of an account's credit. */
export interface CreditEventView {
  id: string
  /** One of `CreditEventKind`, kept as a string as the server has it. */
  kind: string
  /** What actually moved, after clamping to the policy's bounds. */
  delta: number
  scoreAfter: number
  reason: string
  policyVersion: number
  subject: { type: string; id: string } | null
  /** For an upheld appeal: the deduction it gives back. */
  restoresEventId: string | null
  createdAt: string
}

/** Mirrors `CreditView` in src/platform/credit/credit.ts (GET /api/users/me/credit, GET /api/credit/users/:id). */
export interface CreditView {
  score: number
  tier: CreditTier
  capabilities: Capabilities
  policyVersion: number
  /** Newest first, at most 100. */
  history: CreditEventView[]
  /** Every tier of the policy in force, highest first. */
  tiers: CreditTier[]
}

/**
 * One row of GET /api/platform/users, by hand from the route's TypeBox schema (src/platform/credit/routes.ts): the
 * user, whether they verified, and their credit (`tier` is the tier's key). Never a phone or an identity.
 */
export interface PlatformUserRow extends PlatformUser {
  identityVerified: boolean
  score: number
  tier: string
}

/**
 * Body of POST /api/credit/users/:id/events, by hand from the route's TypeBox schema (src/platform/credit/routes.ts):
 * a confirmed violation (its delta comes from the policy) or a manual adjustment.
 */
export type CreditEventBody =
  | { kind: 'violation'; severity: 1 | 2 | 3; reason: string; subject?: { type: string; id: string } }
  | { kind: 'adjustment'; delta: number; reason: string }

/** Body of POST /api/credit/events/:eventId/restore (the `reason` of `restoreCredit` in src/platform/credit/credit.ts). */
export interface RestoreCreditBody {
  reason: string
}

/** Mirrors `ContentStatus` in src/platform/content/content.ts. */
export type ContentStatus = 'published' | 'held' | 'rejected' | 'removed'

/** Mirrors `ReasonView` in src/platform/content/reasons.ts: one reason of a verdict, in plain words. */
export interface ReasonView {
  type: 'term' | 'claim' | 'label' | 'credit'
  outcome: string
  zh: string
  en: string
  basis: string[]
  start: number
  end: number
  term?: string
  category?: string
  severity?: number
  claimId?: string
  similarity?: number
}

/** Mirrors `ContentView` in src/platform/content/content.ts: a published item (GET /api/content). */
export interface ContentView {
  id: string
  kind: ContentKind
  authorId: string
  authorName: string
  postId: string | null
  parentId: string | null
  text: string
  danmakuMs: number | null
  fictionDeclared: boolean
  /** Shown with the item wherever it is served (A11.2). */
  fictionLabel: boolean
  label: { zh: string; en: string } | null
  status: ContentStatus
  createdAt: string
  decidedAt: string | null
  /** A disposal's limit (A16): out of every public view, or out of lists and recommendations. */
  restriction: 'stopped' | 'limited' | null
  /** Labelled false, with the clarification it links to (A16). */
  falseLabel: FalseLabel | null
}

/** Mirrors `FalseLabel` in src/platform/content/content.ts. */
export interface FalseLabel {
  zh: string
  en: string
  rumorId: string | null
  url: string | null
  title: string | null
}

/** Mirrors `OwnContentView` in src/platform/content/content.ts (POST /api/content, GET /api/users/me/content). */
export interface OwnContentView extends ContentView {
  outcome: string
  reasons: ReasonView[]
  ruleVersion: string
  decisionReason: string | null
}

/** Mirrors `PublishInput` in src/platform/content/content.ts (body of POST /api/content). */
export interface PublishBody {
  kind: ContentKind
  text: string
  parentId?: string
  danmakuMs?: number
  fictionDeclared?: boolean
}

/** Mirrors `HeldItem` in src/platform/content/content.ts: a held item as a reviewer sees it. */
export interface HeldItem extends OwnContentView {
  claimedBy: string | null
  claimedByName: string | null
  claimExpiresAt: string | null
  heldAt: string | null
  patrolRunId: string | null
  escalatedAt: string | null
  escalatedBy: string | null
  escalationNote: string | null
}

/** Mirrors `QueueItem` in src/platform/review/review.ts (GET /api/review/queue). */
export interface QueueItem extends HeldItem {
  deadline: string
  overdue: boolean
  severity: number
  claimLive: boolean
  risk: number
}

/** Mirrors `REASON_TEMPLATES` in src/platform/review/review.ts (GET /api/review/templates). */
export interface ReasonTemplate {
  key: string
  decision: ReviewDecision
  zh: string
  en: string
  articles: string[]
}

/** Answer of POST /api/review/bulk. */
export interface BulkDecisionAnswer {
  decided: number
  refused: number
  results: {
    id: string
    ok: boolean
    status: string | null
    code: string | null
    zh: string | null
    en: string | null
  }[]
}

/** Mirrors `PatrolRunView` in src/platform/patrol/patrol.ts. */
export interface PatrolRun {
  id: string
  ruleVersion: string
  trigger: string
  windowDays: number
  since: string
  until: string
  total: number
  scanned: number
  hits: number
  progress: number
  status: string
  startedBy: string
  startedAt: string
  updatedAt: string
  finishedAt: string | null
}

/** Mirrors `SampleItem` in src/platform/patrol/patrol.ts (GET /api/patrol/sample). */
export interface SampleItem extends ContentView {
  outcome: string
  ruleVersion: string
}

/** Mirrors `CoverageView` in src/platform/patrol/patrol.ts (GET /api/patrol/coverage). */
export interface PatrolCoverage {
  days: number
  published: number
  looked: number
  flagged: number
  coverage: number
  byStaff: { staffId: string; name: string; looks: number; flagged: number }[]
  recent: { itemId: string; name: string; outcome: string; note: string; lookedAt: string }[]
}

/** Mirrors `StaffingDay` in src/platform/staffing/staffing.ts. */
export interface StaffingDay {
  day: string
  screened: number
  held: number
  reviewed: number
  looks: number
  onDuty: number
  required: number
  belowRatio: boolean
  perReviewer: { staffId: string; name: string; reviews: number; looks: number }[]
}

/** Mirrors `StaffingView` in src/platform/staffing/staffing.ts (GET /api/staffing). */
export interface Staffing {
  itemsPerReviewer: number
  reviewersOnRoster: number
  backlog: number
  oldestHeldAt: string | null
  oldestAgeMinutes: number | null
  days: StaffingDay[]
  alerts: { kind: 'below_ratio' | 'backlog_overdue'; day: string | null; zh: string; en: string }[]
}

/** Mirrors `NoticeView` in src/platform/notices/notices.ts. */
export interface UserNotice {
  id: string
  kind: string
  subject: { type: string; id: string } | null
  zh: string
  en: string
  articles: string[]
  createdAt: string
  read: boolean
}

/** A lexicon entry of a rule set (the engine's `LexiconEntry`, docs/engine.md). */
export interface LexiconEntry {
  term: string
  category: 'prohibit' | 'prevent' | 'encourage'
  severity: 1 | 2 | 3
  basis: string[]
  sound?: boolean
  except?: string[]
  requires?: string[]
  window?: number
  fiction?: boolean
}

/** Mirrors `RuleSetView` in src/platform/screening/screening.ts (policy rows kept opaque here). */
export interface RuleSetView {
  version: number
  ruleVersion: string
  label: string
  note: string
  lexicon: LexiconEntry[]
  policy: unknown[] | null
  terms: number
  publishedAt: string
  publishedBy: string
}

/** Answer of GET /api/screening/rule-sets. */
export interface RuleSetsAnswer {
  current: number
  claims: number
  items: RuleSetView[]
}

/** Mirrors `FalseClaimView` in src/platform/screening/screening.ts. */
export interface FalseClaim {
  id: string
  text: string
  source: string
  createdAt: string
}

/** Mirrors `Decision` in src/platform/review/review.ts. */
export type ReviewDecision = 'approve' | 'reject' | 'label'

/** Body of POST /api/review/:id/decision. */
export interface ReviewDecisionBody {
  decision: ReviewDecision
  reason: string
}

/** Mirrors `HistoryEntry` in src/platform/review/review.ts. */
export interface ReviewHistoryEntry {
  seq: number | null
  recordedAt: string
  action: string
  actor: { kind: string; name: string }
  articles: string[]
  ruleVersion: string | null
  details: Record<string, unknown>
}

/** Answer of GET /api/review/:id/history (mirrors the result of `itemHistory`). */
export interface ReviewHistory {
  item: HeldItem
  entries: ReviewHistoryEntry[]
}

/** Mirrors `FieldProblem` in src/core/errors.ts. */
export interface FieldProblem {
  /** `login` for a domain error, `body.login` or `body.roles.0` for a schema error. */
  field: string
  zh: string
  en: string
}

/** Codes the console makes up itself when no problem document came back. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE'

/**
 * RFC 9457 problem details (mirrors `Problem` in src/server/problem.ts). `code` is one of the server's
 * `ErrorCode`s (src/core/errors.ts), kept as a string so a newer server's codes still pass through, or a
 * `ClientErrorCode`.
 */
export interface Problem {
  type: string
  title: string
  status: number
  code: string
  detail: string
  zh: string
  en: string
  errors?: FieldProblem[]
  [extra: string]: unknown
}

/** The list answers: `{ items: [...] }`. */
export interface Items<T> {
  items: T[]
}

// --- reports, the rumor registry, disposals, retention and appeals (A15, A16) ---

/** Mirrors `ReportCategoryKey` in src/core/config.ts. */
export type ReportCategoryKey = 'rumor' | 'fiction' | 'reputation' | 'privacy' | 'illegal'

/** Body of POST /api/reports (mirrors `FileReportInput` in src/platform/reports/reports.ts). */
export interface FileReportBody {
  itemId: string
  category: ReportCategoryKey
  note?: string
}

/** Mirrors `ReportView` in src/platform/reports/reports.ts: a report as its reporter follows it. */
export interface ReportView {
  id: string
  trackingNo: string
  itemId: string
  category: string
  categoryZh: string
  categoryEn: string
  note: string
  status: 'open' | 'upheld' | 'dismissed'
  createdAt: string
  deadlineAt: string
  overdue: boolean
  decidedAt: string | null
  outcomeReason: string | null
  outcomeArticles: string[]
  disposalId: string | null
  /** What was reported: its kind, an excerpt (none once removed), where it hangs, whether it is still shown. */
  item: ReportedItem | null
}

/** Mirrors `ReportedItem` in src/platform/reports/reports.ts. */
export interface ReportedItem {
  kind: string
  excerpt: string | null
  postId: string | null
  shown: boolean
}

/** One category of the published guide (GET /api/reports/guide, `reportGuide` in src/platform/reports/reports.ts). */
export interface ReportGuideCategory {
  key: ReportCategoryKey
  zh: string
  en: string
  descriptionZh: string
  descriptionEn: string
  deadlineHours: number
  articles: string[]
}

/** The published guide to reporting (answer of GET /api/reports/guide). */
export interface ReportGuide {
  categories: ReportGuideCategory[]
  perHour: number
  stepsZh: string[]
  stepsEn: string[]
}

/** Mirrors `QueueEntry` in src/platform/reports/reports.ts: an item with open reports (GET /api/reports/queue). */
export interface ReportQueueEntry {
  itemId: string
  kind: string
  excerpt: string
  itemStatus: string
  reports: number
  categories: string[]
  /** Mean accuracy of the reporters, 0–1. */
  accuracy: number
  severity: number
  oldestAt: string
  deadlineAt: string
  overdue: boolean
  priority: number
}

/** One report on an item as staff see it: with the reporter and how often they were right. */
export interface ItemReport extends ReportView {
  reporterId: string
  reporterName: string
  accuracy: number
  muted: boolean
}

/** Mirrors `ItemReportsView` in src/platform/reports/reports.ts (GET /api/reports/items/:id). */
export interface ItemReportsView {
  item: OwnContentView
  reports: ItemReport[]
}

/** Mirrors `Measure` in src/platform/disposal/disposal.ts. */
export type Measure = 'stop' | 'remove' | 'label' | 'limit'
/** Mirrors `DisposalCategory` in src/platform/disposal/disposal.ts. */
export type DisposalCategory = 'prohibit' | 'false'
/** Mirrors `RumorSource` in src/platform/disposal/disposal.ts. */
export type RumorSource = 'review' | 'regulator' | 'trusted'

/** Body of POST /api/reports/items/:id/decision (mirrors `DecideReportsInput` in src/platform/reports/reports.ts). */
export interface DecideReportsBody {
  outcome: 'uphold' | 'dismiss'
  reason: string
  measures?: Measure[]
  category?: 'false' | 'prohibit'
  confirm?: {
    text?: string
    verdict: 'false' | 'misleading'
    clarificationUrl?: string | null
    clarificationTitle?: string | null
  }
}

/** Answer of POST /api/reports/items/:id/decision (`DecideReportsResult` less the sweep the server starts). */
export interface DecideReportsAnswer {
  closed: number
  trackingNos: string[]
  disposal: DisposalView | null
  rumor: RumorView | null
}

/** Body of POST /api/reporters/:id/mute. */
export interface MuteReporterBody {
  days: number
  reason: string
}

/** Answer of POST /api/reporters/:id/mute (mirrors the result of `muteReporter`). */
export interface MuteReporterAnswer {
  userId: string
  mutedUntil: string
}

/** Mirrors `RumorView` in src/platform/disposal/disposal.ts: an entry of the rumor registry. */
export interface RumorView {
  id: string
  text: string
  verdict: string
  source: string
  sourceRef: string
  clarificationUrl: string | null
  clarificationTitle: string | null
  claimId: string
  confirmedByName: string
  confirmedAt: string
}

/** Mirrors `DisposalView` in src/platform/disposal/disposal.ts. */
export interface DisposalView {
  id: string
  rumor: RumorView | null
  itemId: string | null
  measures: Measure[]
  reason: string
  articles: string[]
  category: DisposalCategory
  notifyInteractors: boolean
  status: 'sweeping' | 'finished'
  candidates: number
  applied: number
  toReview: number
  createdByName: string
  createdAt: string
  finishedAt: string | null
  /** From the start to the end of the sweep. */
  durationMs: number | null
}

/** Mirrors `DisposalItemView` in src/platform/disposal/disposal.ts: one item a disposal acted on. */
export interface DisposalItemView {
  itemId: string
  kind: string
  similarity: number
  outcome: 'applied' | 'review'
  measures: string[]
  legalHold: boolean
  statusBefore: string
  appliedAt: string
  afterMs: number
  /** The item as it is now: its status and, unless removed, an excerpt. */
  status: string | null
  restriction: string | null
  falseLabelled: boolean
  excerpt: string | null
}

/** Mirrors `IndexStatus` in src/platform/disposal/content-index.ts: the index of published items a sweep reads. */
export interface IndexStatus {
  state: 'building' | 'ready' | 'failed'
  indexed: number
  total: number
  bytes: number
  builtInMs: number | null
  error: string | null
}

/** Answer of GET /api/disposals. */
export interface DisposalsAnswer {
  items: DisposalView[]
  index: IndexStatus
}

/** Answer of GET /api/disposals/:id (mirrors the result of `disposalDetail`). */
export interface DisposalDetail {
  disposal: DisposalView
  items: DisposalItemView[]
}

/** Body of POST /api/content/:id/disposal (mirrors `DisposalInput` in src/platform/disposal/disposal.ts). */
export interface DisposeItemBody {
  measures: Measure[]
  reason: string
  category: DisposalCategory
  notifyInteractors?: boolean
}

/** Body of POST /api/rumors (mirrors `ConfirmRumorInput` in src/platform/disposal/disposal.ts). */
export interface ConfirmRumorBody extends DisposeItemBody {
  text: string
  verdict: 'false' | 'misleading'
  source: RumorSource
  sourceRef: string
  clarificationUrl?: string | null
  clarificationTitle?: string | null
}

/** Answer of POST /api/rumors. */
export interface ConfirmRumorAnswer {
  rumor: RumorView
  disposal: DisposalView
}

/** Answer of POST /api/retention/:id/open (mirrors the result of `openRetained`). */
export interface RetainedCopy {
  itemId: string
  text: string
  digest: string
  removedAt: string
  retainUntil: string
  legalHold: boolean
}

/** Mirrors `HoldView` in src/platform/disposal/disposal.ts: an item under a legal hold. */
export interface HoldView {
  itemId: string
  reason: string
  placedBy: string
  placedAt: string
}

/** Mirrors `AppealView` in src/platform/appeals/appeals.ts. */
export interface AppealView {
  id: string
  itemId: string
  decisionKind: string
  decisionRef: string
  decisionAt: string
  reason: string
  status: 'open' | 'upheld' | 'dismissed'
  createdAt: string
  decidedAt: string | null
  decidedByName: string | null
  outcomeReason: string | null
}

/** Mirrors `AppealQueueEntry` in src/platform/appeals/appeals.ts (GET /api/appeals). */
export interface AppealQueueEntry extends AppealView {
  appellantName: string
  /** True when the person asking made the decision appealed: they may not decide it. */
  ownDecision: boolean
  item: OwnContentView | null
}

/** Body of POST /api/appeals (the `input` of `fileAppeal` in src/platform/appeals/appeals.ts). */
export interface FileAppealBody {
  itemId: string
  reason: string
}

/** Body of POST /api/appeals/:id/decision (the `input` of `decideAppeal`). */
export interface DecideAppealBody {
  outcome: 'uphold' | 'dismiss'
  reason: string
}

// --- orders (责令, A19): issued by the regulator, executed by a platform ---

/** Mirrors `OrderKind` in src/regulator/orders/orders.ts: stop transmission, or stop and remove. */
export type OrderKind = 'stop' | 'remove'

/** Mirrors `OrderTarget` in src/regulator/orders/tables.ts: named items, every copy of a claim, or both. */
export interface OrderTarget {
  itemIds?: string[]
  claim?: string
}

/** Mirrors `OrderExecution` in src/regulator/orders/orders.ts: what the platform answered it did. */
export interface OrderExecution {
  stopped: number
  /** Named items the platform no longer had. */
  missing: string[]
  disposalIds: string[]
  /** The platform's filing that proves it; null when there was nothing on its log to prove. */
  filingId: string | null
  executedAt: string
}

/** Mirrors `OrderView` in src/regulator/orders/orders.ts (GET /api/orders on a regulator node). */
export interface OrderView {
  id: string
  toNode: string
  kind: OrderKind
  target: OrderTarget
  basis: string
  articles: string[]
  reason: string
  deadlineAt: string
  issuedByName: string
  issuedAt: string
  status: 'issued' | 'acknowledged' | 'executed' | 'overdue'
  acknowledgedAt: string | null
  executedAt: string | null
  execution: OrderExecution | null
  overdueAt: string | null
  /** The platform's filed proof of execution arrived and verified (report.filed about this order). */
  proof: { reportId: string; proofsVerified: boolean; receivedAt: string } | null
  /** It passed its deadline without execution (even if executed later): an A25 case is proposed. */
  caseProposed: boolean
}

/** Body of POST /api/orders (mirrors `IssueOrderInput` in src/regulator/orders/orders.ts). */
export interface IssueOrderBody {
  toNode: string
  kind: OrderKind
  itemIds?: string[]
  claim?: string
  basis: string
  articles?: string[]
  reason: string
  deadlineAt: string
}

/** Mirrors `OrderExecution` in src/platform/orders/orders.ts: what the platform did, as it keeps it. */
export interface ReceivedOrderExecution {
  stopped: number
  missing: string[]
  disposalIds: string[]
  filingId: string | null
}

/** Mirrors `ReceivedOrderView` in src/platform/orders/orders.ts (GET /api/orders on a platform node). */
export interface ReceivedOrderView {
  id: string
  fromNode: string
  kind: OrderKind
  target: OrderTarget
  basis: string
  articles: string[]
  reason: string
  deadlineAt: string
  receivedAt: string
  /** Past its deadline and not executed. */
  overdue: boolean
  status: 'received' | 'executing' | 'executed'
  executedByName: string | null
  executedAt: string | null
  execution: ReceivedOrderExecution | null
}

// --- clarifications (辟谣, A7): regulator only ---

/** Mirrors `DeliveryView` in src/regulator/clarifications/clarifications.ts: one platform's part in a clarification. */
export interface DeliveryView {
  platformNode: string
  sentAt: string
  actedAt: string | null
  disposalId: string | null
  stopped: number | null
  toReview: number | null
  /** From publication to the platform's sweep finishing, by the platform's clock. */
  timeToActMs: number | null
}

/** Mirrors `ClarificationView` in src/regulator/clarifications/clarifications.ts. */
export interface ClarificationView {
  id: string
  claim: string
  title: string
  body: string
  verdict: 'false' | 'misleading'
  authorOrgId: string
  /** The drafter's staff id: they may not approve it. */
  draftedBy: string
  draftedByName: string
  draftedAt: string
  cosignOrgId: string | null
  cosignedByName: string | null
  cosignedAt: string | null
  approvedByName: string | null
  approvedAt: string | null
  status: 'draft' | 'approved' | 'published'
  publishedAt: string | null
  reportedAt: string | null
  /** From the first report to publication. */
  reportToClarificationMs: number | null
  /** The public reports it answers (told of it when it is published). */
  publicReportIds: string[]
  url: string
  deliveries: DeliveryView[]
}

/** Body of POST /api/clarifications (mirrors `DraftInput` in src/regulator/clarifications/clarifications.ts). */
export interface DraftClarificationBody {
  claim: string
  title: string
  body: string
  verdict: 'false' | 'misleading'
  /** Another department asked to co-sign. */
  cosignOrgId?: string
  reportedAt?: string
  /** Public reports about this claim. */
  publicReportIds?: string[]
}

/** Mirrors the result of `claimReview` in src/regulator/clarifications/clarifications.ts (schema.org ClaimReview). */
export interface ClaimReview {
  '@context': string
  '@type': string
  url: string
  datePublished: string | null
  claimReviewed: string
  headline: string
  reviewBody: string
  author: { '@type': string; name: string; url: string }
  reviewRating: {
    '@type': string
    ratingValue: number
    bestRating: number
    worstRating: number
    alternateName: string
  }
}

/** Mirrors `PublicClarification` in src/regulator/clarifications/clarifications.ts (GET /api/public/clarifications). */
export interface PublicClarification {
  id: string
  claim: string
  title: string
  body: string
  verdict: string
  publishedAt: string
  url: string
  claimReview: ClaimReview
}

// --- public reports to the regulator (A18, A8.2) ---

/** Mirrors `PublicReportStatus` in src/regulator/public-reports/public-reports.ts. */
export type PublicReportStatus = 'received' | 'routed' | 'handling' | 'closed'

/** Mirrors `EvidenceType` in src/regulator/public-reports/public-reports.ts. */
export type EvidenceType = 'image/png' | 'image/jpeg' | 'application/pdf'

/** Mirrors `PublicReportCategory` in src/regulator/public-reports/public-reports.ts. */
export interface PublicReportCategory {
  key: ReportCategoryKey
  zh: string
  en: string
  descriptionZh: string
  descriptionEn: string
  articles: string[]
}

/** Mirrors `PublicReportGuide` in src/regulator/public-reports/public-reports.ts (GET /api/public/reports/guide). */
export interface PublicReportGuide {
  categories: PublicReportCategory[]
  counties: { code: string; zh: string; en: string }[]
  days: number
  maxFiles: number
  maxFileBytes: number
  fileTypes: string[]
  stepsZh: string[]
  stepsEn: string[]
}

/** Mirrors `EvidenceInput` in src/regulator/public-reports/public-reports.ts. */
export interface EvidenceFileBody {
  name: string
  type: EvidenceType
  /** The file's bytes in base64. */
  data: string
}

/** Body of POST /api/public/reports (mirrors `FilePublicReportInput`). */
export interface FilePublicReportBody {
  category: ReportCategoryKey
  platform: string
  link?: string
  description: string
  county?: string
  reporterName?: string
  reporterContact?: string
  evidence?: EvidenceFileBody[]
}

/** Mirrors `PublicReportReceipt` (the 201 answer of POST /api/public/reports). */
export interface PublicReportReceipt {
  code: string
  category: ReportCategoryKey
  status: PublicReportStatus
  receivedAt: string
  deadlineAt: string
  days: number
  lookupPage: string
  lookupApi: string
  noticeZh: string
  noticeEn: string
}

/** Mirrors `PublicReportLookup` (GET /api/public/reports/:code). */
export interface PublicReportLookup {
  category: ReportCategoryKey
  categoryZh: string
  categoryEn: string
  status: PublicReportStatus
  receivedAt: string
  deadlineAt: string
  closedAt: string | null
  feedback: string | null
  feedbackArticles: string[]
}

/** Mirrors `PublicReportView` in src/regulator/public-reports/public-reports.ts (GET /api/public-reports). */
export interface PublicReportView {
  id: string
  category: ReportCategoryKey
  categoryZh: string
  categoryEn: string
  platform: string
  link: string | null
  description: string
  countyCode: string | null
  status: PublicReportStatus
  receivedAt: string
  deadlineAt: string
  overdue: boolean
  /** `已密封 / sealed` when the reporter left a name or contact, null when anonymous. */
  identity: string | null
  clusterId: string
  clusterSize: number
  evidenceCount: number
  /** Once routed (A5.2): the organisation handling it and its case. */
  routedOrganisationId: string | null
  caseId: string | null
  closedAt: string | null
  closedByName: string | null
  feedback: string | null
  feedbackArticles: string[]
}

/** Mirrors `EvidenceView`. */
export interface PublicReportEvidence {
  id: string
  name: string
  type: string
  size: number
  sha256: string
}

/** Mirrors `ClusterMember`. */
export interface PublicReportClusterMember {
  id: string
  category: ReportCategoryKey
  description: string
  status: PublicReportStatus
  receivedAt: string
}

/** Mirrors `UnsealingView`. */
export interface PublicReportUnsealing {
  at: string
  byName: string
  reason: string
}

/** Mirrors `PublicReportDetail` (GET /api/public-reports/:id, and the answer of closing). */
export interface PublicReportDetail extends PublicReportView {
  evidence: PublicReportEvidence[]
  cluster: PublicReportClusterMember[]
  unsealings: PublicReportUnsealing[]
}

/** Body of POST /api/public-reports/:id/close (mirrors `ClosePublicReportInput`). */
export interface ClosePublicReportBody {
  feedback: string
  articles: string[]
}

/** Mirrors `UnsealedIdentity` (POST /api/public-reports/:id/unseal). */
export interface UnsealedIdentity {
  id: string
  name: string | null
  contact: string | null
  reason: string
  unsealedAt: string
}

// --- cases (案件, A4, A5.1, A5.2): regulator only ---

/** Mirrors `CaseStatus` in src/regulator/cases/cases.ts. `transferred`: another region's regulator accepted it. */
export type CaseStatus = 'open' | 'closed' | 'transferred'

/** Mirrors `CaseDepartmentView`: an organisation on a case, leading it or joined for joint enforcement. */
export interface CaseDepartmentView {
  organisationId: string
  key: string
  nameZh: string
  nameEn: string
  role: 'lead' | 'joint'
  addedAt: string
}

/** Mirrors `CaseView` (GET /api/cases). */
export interface CaseView {
  id: string
  number: string
  title: string
  summary: string
  leadOrganisationId: string
  leadNameZh: string
  countyCode: string | null
  status: CaseStatus
  openedAt: string
  openedByName: string
  deadlineDays: number | null
  deadlineAt: string | null
  /** Working days left before the deadline (negative once past it); null without a deadline or once closed. */
  workingDaysLeft: number | null
  overdue: boolean
  /** The deadline falls on the next working day or today. */
  dueSoon: boolean
  escalated: boolean
  escalatedAt: string | null
  escalationReason: string | null
  publicReportIds: string[]
  clarificationIds: string[]
  platformReportIds: string[]
  closedAt: string | null
  closedByName: string | null
  conclusion: string | null
  conclusionArticles: string[]
  departments: CaseDepartmentView[]
}

/** Mirrors `ConsultationView`: a consultation (会商) recorded on a case. */
export interface ConsultationView {
  id: string
  heldOn: string
  participants: { organisationId: string; nameZh: string }[]
  conclusions: string
  recordedAt: string
  recordedByName: string
}

/** Mirrors `CaseDetail` (GET /api/cases/:id, and the answer of every act on a case). */
export interface CaseDetail extends CaseView {
  consultations: ConsultationView[]
  transfers: CaseTransferView[]
}

/** Mirrors `TransferMaterials` in src/regulator/cases/tables.ts: what travels with a case to another region. */
export interface TransferMaterials {
  countyCode: string | null
  articles: string[]
  publicReports: {
    category: string
    platform: string
    link: string | null
    description: string
    receivedAt: string
  }[]
  consultations: { heldOn: string; participants: string[]; conclusions: string }[]
  clarificationIds: string[]
  platformReportIds: string[]
}

/** Mirrors `CaseTransferView` (GET /api/case-transfers; `transfers` of a case). */
export interface CaseTransferView {
  id: string
  direction: 'outgoing' | 'incoming'
  peerNodeId: string
  peerNameZh: string
  caseId: string | null
  caseNumber: string
  title: string
  summary: string
  reason: string
  materials: TransferMaterials
  status: 'pending' | 'accepted' | 'refused'
  sentAt: string
  sentByName: string
  answeredAt: string | null
  answeredByName: string | null
  answerReason: string | null
  peerCaseNumber: string | null
}

// --- bulletins (通报, A5.1) ---

/** Mirrors `BulletinRecipientView` in src/regulator/bulletins/bulletins.ts. */
export interface BulletinRecipientView {
  kind: 'organisation' | 'platform'
  id: string
  nameZh: string
  nameEn: string
  readAt: string | null
  readByName: string | null
}

/** Mirrors `BulletinView` (GET /api/bulletins on a regulator node). */
export interface BulletinView {
  id: string
  number: string
  title: string
  body: string
  articles: string[]
  caseId: string | null
  issuingOrganisationId: string
  issuingNameZh: string
  issuedAt: string
  issuedByName: string
  recipients: BulletinRecipientView[]
  addressedToMe: boolean
  readByMe: boolean
}

/** Body of POST /api/bulletins (mirrors `IssueBulletinInput`). */
export interface IssueBulletinBody {
  title: string
  body: string
  articles?: string[]
  caseId?: string
  organisationIds?: string[]
  platformNodeIds?: string[]
}

/** Mirrors `ReceivedBulletinView` in src/platform/bulletins/bulletins.ts (GET /api/received-bulletins). */
export interface ReceivedBulletinView {
  id: string
  fromNode: string
  number: string
  title: string
  body: string
  articles: string[]
  issuedByOrganisation: string
  issuedAt: string
  receivedAt: string
  acknowledgedAt: string | null
  acknowledgedByName: string | null
}

/** Mirrors `RoutePreview` (GET /api/public-reports/:id/route): where routing would send a received report now. */
export interface RoutePreview {
  organisationId: string
  organisationKey: string
  organisationNameZh: string
  organisationNameEn: string
  /** The open case about the same claim the report would join; null when it would open a case of its own. */
  joinsCase: { id: string; number: string } | null
}

/** Body of POST /api/cases (mirrors `OpenCaseInput`). */
export interface OpenCaseBody {
  title: string
  summary: string
  leadOrganisationId: string
  countyCode?: string | null
  publicReportIds?: string[]
  clarificationIds?: string[]
  platformReportIds?: string[]
}

/** Body of POST /api/cases/:id/departments. */
export interface AddCaseDepartmentBody {
  organisationId: string
  reason: string
}

/** Body of POST /api/cases/:id/consultations. */
export interface RecordConsultationBody {
  heldOn: string
  participantIds: string[]
  conclusions: string
}

/** Body of POST /api/cases/:id/deadline: settle within this many working days from today (督办). */
export interface SetCaseDeadlineBody {
  workingDays: number
  reason: string
}

/** Body of POST /api/cases/:id/escalate (A4). */
export interface EscalateCaseBody {
  reason: string
}

/** Body of POST /api/cases/:id/close. */
export interface CloseCaseBody {
  conclusion: string
  articles: string[]
}

/** Mirrors `RoutingRuleView` (A5.2): where public reports of a category (and county) go. */
export interface RoutingRuleView {
  category: ReportCategoryKey
  /** Null: every county the category has no rule of its own for. */
  countyCode: string | null
  organisationId: string
  organisationKey: string
  organisationNameZh: string
}

/** GET and PUT /api/routing-rules; `defaults` until an officer saves rules. */
export interface RoutingRules {
  rules: RoutingRuleView[]
  defaults: boolean
}

/** Mirrors `RoutingRuleInput`: one row of PUT /api/routing-rules. */
export interface RoutingRuleInput {
  category: ReportCategoryKey
  countyCode: string | null
  organisationId: string
}

/** Mirrors `WorkingDayView` (GET /api/working-days?year=): a date that is not what its weekday says. */
export interface WorkingDayView {
  date: string
  working: boolean
  note: string
  source: 'built-in' | 'operator'
}

/** Body of PUT /api/working-days/:date. */
export interface SetWorkingDayBody {
  working: boolean
  note: string
}

// --- inspections of platforms (监督检查, A19.1): regulator side ---

/** Mirrors `InspectionView` in src/regulator/inspections/inspections.ts. */
export interface InspectionView {
  id: string
  toNode: string
  kind: 'routine' | 'special'
  periodFrom: string
  periodTo: string
  reason: string
  requestedByName: string
  requestedAt: string
  status: 'requested' | 'answered'
  answeredAt: string | null
  /** The platform's figures as it answered them; read them as `InspectionFigures`, defensively. */
  figures: Record<string, unknown> | null
  filingId: string | null
  /** The records' proof: the platform's report about this inspection, verified against its checkpoint. */
  proof: { reportId: string; proofsVerified: boolean; receivedAt: string } | null
}

/** Body of POST /api/inspections (mirrors `RequestInspectionInput`). */
export interface RequestInspectionBody {
  toNode: string
  kind: 'routine' | 'special'
  periodFrom: string
  periodTo: string
  reason: string
}

/**
 * Mirrors `InspectionFigures` in src/platform/inspections/inspections.ts: what this codebase's platforms answer. The
 * regulator keeps whatever a platform sent, so the console reads it field by field and shows what it finds.
 */
export interface InspectionFigures {
  period: { from: string; to: string }
  staffing: { days: number; screened: number; held: number; reviewed: number; reviewersOnDutyMax: number }
  reports: {
    received: number
    upheld: number
    dismissed: number
    open: number
    overdue: number
    decided: number
    decidedInTime: number
    medianHoursToDecision: number | null
  }
  disposals: {
    disposals: number
    claims: number
    itemsApplied: number
    sentToReview: number
    medianMs: number | null
  }
  appeals: { filed: number; upheld: number; dismissed: number; open: number }
  /** The recommendation model in force and the interventions active now or made in the period (A14). */
  recommendation: {
    modelVersion: number
    modelPublishedAt: string | null
    model: RecommendationModelDocument
    interventions: FeedInterventionView[]
  }
  records: { cited: number; more: boolean }
}

/** Mirrors `TopicDefinition` in src/platform/recommendation/model.ts. */
export interface RecommendationTopic {
  tag: string
  terms: string[]
  encourage: boolean
  noteZh?: string
  noteEn?: string
}

/** Mirrors `RecommendationModelDocument` in src/platform/recommendation/model.ts (A14). */
export interface RecommendationModelDocument {
  candidateHours: number
  candidateLimit: number
  weights: {
    freshness: number
    freshnessHalfLifeHours: number
    engagement: number
    personal: number
    /** Absent in versions published before it: interests never fade. */
    interestHalfLifeDays?: number
  }
  encourageBoost: number
  preventFactor: number
  interventionBound: number
  /** Absent in versions published before it: no cap. */
  maxPerAuthor?: number
  creditGate: true
  topics: RecommendationTopic[]
}

/** Mirrors `InterventionView` in src/platform/recommendation/feed.ts (A14). */
export interface FeedInterventionView {
  id: string
  targetKind: 'item' | 'author' | 'topic'
  target: string
  action: 'pin' | 'boost' | 'demote' | 'exclude'
  factor: number | null
  reason: string
  expiresAt: string
  createdAt: string
  createdByName: string
  revokedAt: string | null
  revokedByName: string | null
  active: boolean
}

/** GET /api/protocol/directory: a peer by name, without its address or key (any staff member may read it). */
export interface PeerDirectoryEntry {
  nodeId: string
  kind: NodeRole
  nameZh: string
  nameEn: string
  status: string
}
