// The three steps a clarification goes through after its draft — co-sign, approve, publish — as named actions: who
// is offered each, and why one offered cannot be taken yet. The rules are the server's (src/regulator/clarifications/
// clarifications.ts); the console applies them first so that a button says why before anyone is refused.
import type { ClarificationView, Permission } from '../../api/types.ts'
import type { MessageKey } from '../../app/i18n.ts'
import type { Step } from './clarificationsApi.ts'

/** The signed-in person, as far as the steps care. */
export interface Viewer {
  organisationId: string
  staffId: string
  displayName: string
  can: (permission: Permission) => boolean
}

/** Why a step offered cannot be taken yet: the code the server would refuse it with, and the words. */
export interface Blocked {
  code: 'CLARIFICATION_SELF_APPROVAL' | 'CLARIFICATION_COSIGN_MISSING'
  message: MessageKey
}

export interface StepAction {
  step: Step
  label: MessageKey
  confirm: MessageKey
  done: MessageKey
  /** Whether this person is offered the step on this clarification at all. */
  offered(c: ClarificationView, v: Viewer): boolean
  /** Why it cannot be taken now, or null. */
  blocked(c: ClarificationView, v: Viewer): Blocked | null
}

// The same rule as the server's: the drafter (by staff id) may not approve.
const draftedBy = (c: ClarificationView, v: Viewer) => c.draftedBy === v.staffId

export const cosign: StepAction = {
  step: 'cosign',
  label: 'clarifications.action.cosign',
  confirm: 'clarifications.confirm.cosign',
  done: 'clarifications.done.cosign',
  offered: (c, v) =>
    v.can('clarification.draft') &&
    c.status === 'draft' &&
    c.cosignOrgId === v.organisationId &&
    c.cosignedAt === null,
  blocked: () => null,
}

export const approve: StepAction = {
  step: 'approve',
  label: 'clarifications.action.approve',
  confirm: 'clarifications.confirm.approve',
  done: 'clarifications.done.approve',
  offered: (c, v) => v.can('clarification.approve') && c.status === 'draft',
  blocked: (c, v) => {
    if (draftedBy(c, v)) {
      return { code: 'CLARIFICATION_SELF_APPROVAL', message: 'clarifications.blocked.selfApproval' }
    }
    if (c.cosignOrgId !== null && c.cosignedAt === null) {
      return { code: 'CLARIFICATION_COSIGN_MISSING', message: 'clarifications.blocked.cosignMissing' }
    }
    return null
  },
}

export const publish: StepAction = {
  step: 'publish',
  label: 'clarifications.action.publish',
  confirm: 'clarifications.confirm.publish',
  done: 'clarifications.done.publish',
  offered: (c, v) => v.can('clarification.approve') && c.status === 'approved',
  blocked: () => null,
}

export const STEPS: readonly StepAction[] = [cosign, approve, publish]

/** The steps this person is offered on this clarification, each with what blocks it. */
export function stepsFor(c: ClarificationView, v: Viewer): { action: StepAction; blocked: Blocked | null }[] {
  return STEPS.filter((a) => a.offered(c, v)).map((action) => ({ action, blocked: action.blocked(c, v) }))
}
