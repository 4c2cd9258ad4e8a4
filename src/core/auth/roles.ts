// Roles and what they may do. A route names one permission; a role is a set of permissions. The console builds
// its menu from the same permissions, so a role sees exactly what it may use.
import type { NodeRole } from '../config.ts'

export const PLATFORM_ROLES = ['platform_admin', 'operator', 'reviewer', 'inspector'] as const
export const REGULATOR_ROLES = ['regulator_admin', 'officer', 'supervisor', 'procurator'] as const
export type PlatformRole = (typeof PLATFORM_ROLES)[number]
export type RegulatorRole = (typeof REGULATOR_ROLES)[number]
export type Role = PlatformRole | RegulatorRole
export const ALL_ROLES: readonly Role[] = [...PLATFORM_ROLES, ...REGULATOR_ROLES]

export const PERMISSIONS = [
  /** See this node's dashboard: who we are, our organisations. */
  'node.read',
  'organisation.read',
  'staff.read',
  'staff.manage',
  'token.manage',
  /** Read the node's ledger entries (A16, A19, A27). Checkpoints and proofs are public. */
  'ledger.read',
  /** Sign a checkpoint on demand. */
  'ledger.checkpoint',
  /** See peers, the outbox and received envelopes. */
  'protocol.read',
  /** Register and change peers, ping, retry deliveries. */
  'protocol.manage',
  /** See platforms' witnessed checkpoints and inconsistency alerts (regulator). */
  'witness.read',
  /** Publish new versions of the platform's rules and agreements (A13.1). */
  'rules.manage',
  /** See an account's credit and its history (A13.3). */
  'credit.read',
  /** Record credit events and publish the credit policy (A13.3). */
  'credit.manage',
  /** See the screening rule sets and known false claims (A12.1, A16). */
  'screening.read',
  /** Publish rule set versions and add known false claims (A12.1, A16). */
  'screening.manage',
  /** See the review queues and an item's history (A12.1). */
  'review.read',
  /** Claim held items and decide them (A12.1). */
  'review.act',
  /** Decide items a reviewer escalated (A12.1). */
  'review.lead',
  /** See patrols, start one, and take part in the sampling patrol (A12.1). */
  'patrol.act',
  /** See the daily staffing and workload figures (A12.2). */
  'staffing.read',
  /** See the report queue, the reports on an item and reporters' accuracy (A15). */
  'report.read',
  /** Decide reports and mute reporters who abuse reporting (A15). */
  'report.handle',
  /** See the rumor registry, disposals and their sweeps (A16). */
  'disposal.read',
  /** Confirm false claims into the registry and dispose of items and claims (A16). */
  'disposal.act',
  /** Decide authors' appeals against decisions on their items (A15, A13.3). */
  'appeal.decide',
  /** Open the sealed copy of removed content; every opening is recorded (A16). */
  'retention.read',
  /** Place and release legal holds on items (A16). */
  'retention.hold',
  /** See the platform's reports to the regulator of information found and handled, and their delivery (A16). */
  'filing.read',
  /** See the reports platforms filed with this regulator and their verified ledger proofs (A16, regulator). */
  'platform_report.read',
  /** See clarifications, drafts included, and what each platform did about them (A7). */
  'clarification.read',
  /** Draft a clarification, or co-sign one for one's own department (A7, A5.1). */
  'clarification.draft',
  /** Approve a clarification someone else drafted, and publish it to the portal and every platform (A7). */
  'clarification.approve',
  /** See orders: those issued to platforms (regulator) or received from the regulator (platform) (A19). */
  'order.read',
  /** Issue orders to platforms to stop or remove items or a claim (A19, regulator). */
  'order.issue',
  /** Execute an order received from the regulator (A19, platform). */
  'order.execute',
  /** See the public's reports to the regulator, their clusters and deadlines; the reporter's identity stays sealed (A18). */
  'public_report.read',
  /** Close a public report with the feedback the reporter reads (A18, A8.2). */
  'public_report.handle',
  /**
   * Open the sealed identity of a public reporter, with a recorded reason; every opening is on the ledger (A18). Kept
   * to the regulator's admins: need-to-know, and few enough that each opening is answerable.
   */
  'report_identity.unseal',
  /** See inspections: those requested of platforms (regulator) or answered to the regulator (platform) (A19). */
  'inspection.read',
  /** Ask a platform for its figures and records for a period (A19.1, regulator). */
  'inspection.request',
  /** See the cases one's organisation is on (the city CAC sees all), routing rules and the working-day calendar (A5.1). */
  'case.read',
  /** Open cases, route public reports to them, add departments, record consultations, escalate, close; edit routing rules (A5.1, A5.2, A4). */
  'case.manage',
  /** Set and extend cases' supervision deadlines in working days and correct the calendar (督办, A5.1). */
  'case.supervise',
  /** See the recommendation model's versions and the human interventions (A14). */
  'recommendation.read',
  /** Publish the recommendation model and pin, boost, demote or exclude content (A14). */
  'recommendation.manage',
  /** See the evaluation figures this platform sent its regulators (A17, platform). */
  'metrics.read',
  /** Send an ended period's evaluation figures to the regulators now, before the timer does (A17, platform). */
  'metrics.submit',
  /** See platforms' submitted figures, indicators, evaluation runs, survey results and input (A17, regulator). */
  'evaluation.read',
  /** Record a department's or an enterprise's score of a platform for a period (A17, regulator). */
  'evaluation.input',
  /** Edit indicators and weights (a new version each time), run and publish evaluations (A17, regulator). */
  'evaluation.manage',
  /** See referrals one's organisation sent, received or is drawn into (the city CAC: all) (A20). */
  'referral.read',
  /** Refer a case to public security or the procuratorate, and record the steps that fall to one's organisation (A20). */
  'referral.manage',
  /** Record the procuratorate's steps: receipt, procuratorial suggestion, supervision, closing or litigation (A20). */
  'referral.procurate',
  /**
   * Open the sealed real name and identity number of an individual party to a case, with a reason on the ledger (A21).
   * Kept to the regulator's admins, as the reporter's seal is: few enough that each opening is answerable (A27).
   */
  'individual_identity.unseal',
  /** See industry conventions and who signed them (regulator), or those received (platform) (A10). */
  'convention.read',
  /** Publish a version of an industry self-discipline convention and send it to platforms (A10, regulator). */
  'convention.publish',
  /** Sign a convention for the platform; the platform's node key signs the answer (A10, platform). */
  'convention.sign',
  /** Publish public education articles (A6, regulator). */
  'education.publish',
  /** See officers' and departments' findings (overdue steps, seal openings, unusual patterns) and accountability records (A27). */
  'accountability.read',
  /** Turn findings into accountability records (问责记录) and conclude them (A27). */
  'accountability.manage',
  /** See penalty cases, their steps and clocks, and decision documents (A22–A25). */
  'penalty.read',
  /** Open penalty cases and walk them through investigation, notice, hearing, decision, service, execution and
   * publication (A22–A25, 行政处罚法). */
  'penalty.manage',
  /** 法制审核 of a penalty decision before it is made (行政处罚法第五十八条); never by the case's investigator. */
  'penalty.review',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const GRANTS: Record<Role, readonly Permission[]> = {
  platform_admin: [
    'node.read',
    'organisation.read',
    'staff.read',
    'staff.manage',
    'token.manage',
    'ledger.read',
    'ledger.checkpoint',
    'protocol.read',
    'protocol.manage',
    'rules.manage',
    'credit.read',
    'credit.manage',
    'screening.read',
    'screening.manage',
    'review.read',
    'review.act',
    'review.lead',
    'patrol.act',
    'staffing.read',
    'report.read',
    'report.handle',
    'disposal.read',
    'disposal.act',
    'appeal.decide',
    'retention.read',
    'retention.hold',
    'filing.read',
    'order.read',
    'order.execute',
    'inspection.read',
    'recommendation.read',
    'recommendation.manage',
    'metrics.read',
    'metrics.submit',
    'convention.read',
    'convention.sign',
  ],
  operator: [
    'node.read',
    'organisation.read',
    'rules.manage',
    'credit.read',
    'credit.manage',
    'screening.read',
    'screening.manage',
    'review.read',
    'patrol.act',
    'staffing.read',
    'report.read',
    'report.handle',
    'disposal.read',
    'disposal.act',
    'filing.read',
    'order.read',
    'order.execute',
    'recommendation.read',
    'recommendation.manage',
    'metrics.read',
    'metrics.submit',
    'convention.read',
  ],
  reviewer: [
    'node.read',
    'credit.read',
    'screening.read',
    'review.read',
    'review.act',
    'patrol.act',
    'report.read',
    'report.handle',
    'disposal.read',
    'disposal.act',
    'appeal.decide',
  ],
  // A read-only inspector sees everything a platform keeps and changes nothing.
  inspector: [
    'node.read',
    'organisation.read',
    'staff.read',
    'ledger.read',
    'protocol.read',
    'credit.read',
    'screening.read',
    'review.read',
    'staffing.read',
    'report.read',
    'disposal.read',
    'retention.read',
    'filing.read',
    'order.read',
    'inspection.read',
    'recommendation.read',
    'metrics.read',
    'convention.read',
  ],
  regulator_admin: [
    'node.read',
    'organisation.read',
    'staff.read',
    'staff.manage',
    'token.manage',
    'ledger.read',
    'ledger.checkpoint',
    'protocol.read',
    'protocol.manage',
    'witness.read',
    'platform_report.read',
    'clarification.read',
    'clarification.draft',
    'clarification.approve',
    'order.read',
    'order.issue',
    'public_report.read',
    'public_report.handle',
    'report_identity.unseal',
    'inspection.read',
    'inspection.request',
    'case.read',
    'case.manage',
    'case.supervise',
    'evaluation.read',
    'evaluation.input',
    'evaluation.manage',
    'referral.read',
    'referral.manage',
    'individual_identity.unseal',
    'convention.read',
    'convention.publish',
    'education.publish',
    'accountability.read',
    'penalty.read',
    'penalty.manage',
    'penalty.review',
  ],
  officer: [
    'node.read',
    'organisation.read',
    'ledger.read',
    'witness.read',
    'platform_report.read',
    'clarification.read',
    'clarification.draft',
    'order.read',
    'order.issue',
    'public_report.read',
    'public_report.handle',
    'inspection.read',
    'inspection.request',
    'case.read',
    'case.manage',
    'evaluation.read',
    'evaluation.input',
    'referral.read',
    'referral.manage',
    'convention.read',
    'convention.publish',
    'education.publish',
    'penalty.read',
    'penalty.manage',
  ],
  // Supervisors hold staff to account (A27), so they see who works where and what each did.
  supervisor: [
    'node.read',
    'organisation.read',
    'staff.read',
    'ledger.read',
    'protocol.read',
    'witness.read',
    'platform_report.read',
    'clarification.read',
    'order.read',
    'public_report.read',
    'inspection.read',
    'case.read',
    'case.supervise',
    'evaluation.read',
    'evaluation.input',
    'evaluation.manage',
    'referral.read',
    'convention.read',
    'accountability.read',
    'accountability.manage',
    'penalty.read',
  ],
  // Procurators see the referrals addressed to the procuratorate and record its steps (A20); not the ledger, which
  // holds criminal referrals, individual parties and unsealing reasons they are not addressed.
  procurator: ['node.read', 'organisation.read', 'referral.read', 'referral.procurate'],
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  platform_admin: { zh: '平台管理员', en: 'Platform admin' },
  operator: { zh: '运营人员', en: 'Operator' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  inspector: { zh: '只读检查员', en: 'Read-only inspector' },
  regulator_admin: { zh: '监管管理员', en: 'Regulator admin' },
  officer: { zh: '执法人员', en: 'Officer' },
  supervisor: { zh: '督办人员', en: 'Supervisor' },
  procurator: { zh: '检察人员', en: 'Procurator' },
}

export function rolesForNode(node: NodeRole): readonly Role[] {
  return node === 'platform' ? PLATFORM_ROLES : REGULATOR_ROLES
}

export function isRole(s: string): s is Role {
  return (ALL_ROLES as readonly string[]).includes(s)
}

export function permissionsOf(roles: readonly string[]): Permission[] {
  const out = new Set<Permission>()
  for (const r of roles) if (isRole(r)) for (const p of GRANTS[r]) out.add(p)
  return PERMISSIONS.filter((p) => out.has(p))
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRole(r) && GRANTS[r].includes(permission))
}

/** Admin roles: the ones that manage staff. A node keeps at least one enabled admin. */
export const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'regulator_admin']
