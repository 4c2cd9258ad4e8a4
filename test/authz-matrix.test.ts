// Every route × every role × anonymous, on both node kinds. The expected answers are written out here by hand,
// not derived from the code under test, so a route that grants too much or too little fails this test, and so
// does a new route that nobody added to the table.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeRole } from '../src/core/config.ts'
import { DEFAULT_CREDIT_POLICY } from '../src/platform/credit/index.ts'
import { as, loginsFor, signIn, startTestNode, TEST_PASSWORD, type TestNode } from './helpers/node.ts'

type Allowed = 'public' | 'anyone-signed-in' | 'user' | string[]

interface RouteCase {
  allowed: Allowed
  /** Builds the request; `n` makes each call's input unique. */
  request: (
    n: number,
    ctx: { reviewerId: string; orgId: string; roles: string[]; login: string },
  ) => { url: string; payload?: unknown }
}

const PLATFORM_STAFF_READERS = ['platform_admin', 'inspector']
const REGULATOR_STAFF_READERS = ['regulator_admin', 'supervisor']

function matrix(kind: NodeRole): Record<string, RouteCase> {
  const admins = kind === 'platform' ? ['platform_admin'] : ['regulator_admin']
  const orgReaders =
    kind === 'platform'
      ? ['platform_admin', 'operator', 'inspector']
      : ['regulator_admin', 'officer', 'supervisor', 'procurator']
  const staffReaders = kind === 'platform' ? PLATFORM_STAFF_READERS : REGULATOR_STAFF_READERS
  const protocolReaders =
    kind === 'platform' ? ['platform_admin', 'inspector'] : ['regulator_admin', 'supervisor']
  const witnessReaders = ['regulator_admin', 'officer', 'supervisor']
  // Procurators do not read the ledger: it holds criminal referrals and parties they are not addressed (A20, A21).
  const ledgerReaders =
    kind === 'platform' ? ['platform_admin', 'inspector'] : ['regulator_admin', 'officer', 'supervisor']
  return {
    'GET /healthz': { allowed: 'public', request: () => ({ url: '/healthz' }) },
    'GET /readyz': { allowed: 'public', request: () => ({ url: '/readyz' }) },
    'GET /metrics': { allowed: 'public', request: () => ({ url: '/metrics' }) },
    'GET /openapi.json': { allowed: 'public', request: () => ({ url: '/openapi.json' }) },
    'GET /*': { allowed: 'public', request: () => ({ url: '/staff' }) },
    'GET /api/node': { allowed: 'public', request: () => ({ url: '/api/node' }) },
    'POST /api/auth/login': {
      allowed: 'public',
      request: (_n, c) => ({ url: '/api/auth/login', payload: { login: c.login, password: TEST_PASSWORD } }),
    },
    'GET /api/auth/me': { allowed: 'anyone-signed-in', request: () => ({ url: '/api/auth/me' }) },
    'POST /api/auth/logout': { allowed: 'anyone-signed-in', request: () => ({ url: '/api/auth/logout' }) },
    'GET /api/organisations': { allowed: orgReaders, request: () => ({ url: '/api/organisations' }) },
    'GET /api/roles': { allowed: staffReaders, request: () => ({ url: '/api/roles' }) },
    'GET /api/staff': { allowed: staffReaders, request: () => ({ url: '/api/staff' }) },
    'POST /api/staff': {
      allowed: admins,
      request: (n, c) => ({
        url: '/api/staff',
        payload: {
          login: `matrix.${n}`,
          displayName: `矩阵测试 ${n}`,
          password: 'matrix-password-1',
          roles: [kind === 'platform' ? 'reviewer' : 'officer'],
          organisationId: c.orgId,
        },
      }),
    },
    'PATCH /api/staff/:id': {
      allowed: admins,
      request: (n, c) => ({ url: `/api/staff/${c.reviewerId}`, payload: { displayName: `改名 ${n}` } }),
    },
    // Officers' signing keys (A27): read with the staff, rotated by admins.
    'GET /api/staff/:id/keys': {
      allowed: staffReaders,
      request: (_n, c) => ({ url: `/api/staff/${c.reviewerId}/keys` }),
    },
    'POST /api/staff/:id/keys': {
      allowed: admins,
      request: (_n, c) => ({ url: `/api/staff/${c.reviewerId}/keys` }),
    },
    'GET /api/tokens': { allowed: admins, request: () => ({ url: '/api/tokens' }) },
    'POST /api/tokens': {
      allowed: admins,
      request: (n, c) => ({ url: '/api/tokens', payload: { name: `token ${n}`, roles: c.roles } }),
    },
    'DELETE /api/tokens/:id': { allowed: admins, request: () => ({ url: `/api/tokens/${randomUUID()}` }) },
    'GET /api/ledger/checkpoint': { allowed: 'public', request: () => ({ url: '/api/ledger/checkpoint' }) },
    'POST /api/protocol/inbox': {
      // Public, because a peer's signature, not a session, admits an envelope: an unsigned one is refused.
      allowed: 'public',
      request: () => ({
        url: '/api/protocol/inbox',
        payload: {
          envelope: {
            id: randomUUID(),
            type: 'ping',
            from: 'nobody',
            to: 'x',
            issuedAt: new Date().toISOString(),
            body: {},
          },
          signature: `${'A'.repeat(86)}==`,
        },
      }),
    },
    'GET /api/protocol/peers': { allowed: protocolReaders, request: () => ({ url: '/api/protocol/peers' }) },
    // Every staff role holds node.read: names of the peers, without addresses or keys.
    'GET /api/protocol/directory': {
      allowed:
        kind === 'platform'
          ? ['platform_admin', 'operator', 'reviewer', 'inspector']
          : ['regulator_admin', 'officer', 'supervisor', 'procurator'],
      request: () => ({ url: '/api/protocol/directory' }),
    },
    'POST /api/protocol/peers': {
      allowed: admins,
      request: (n) => ({
        url: '/api/protocol/peers',
        payload: {
          nodeId: `peer-${n}`,
          kind: kind === 'platform' ? 'regulator' : 'platform',
          nameZh: '对端',
          nameEn: 'Peer',
          baseUrl: 'http://127.0.0.1:9',
          publicKey: Buffer.alloc(32, n % 250).toString('base64'),
        },
      }),
    },
    'PATCH /api/protocol/peers/:nodeId': {
      allowed: admins,
      request: () => ({ url: '/api/protocol/peers/no-such-peer', payload: { nameZh: '改名' } }),
    },
    'POST /api/protocol/peers/:nodeId/ping': {
      allowed: admins,
      request: () => ({ url: '/api/protocol/peers/no-such-peer/ping' }),
    },
    'GET /api/protocol/outbox': {
      allowed: protocolReaders,
      request: () => ({ url: '/api/protocol/outbox' }),
    },
    'POST /api/protocol/outbox/:id/retry': {
      allowed: admins,
      request: () => ({ url: `/api/protocol/outbox/${randomUUID()}/retry` }),
    },
    'GET /api/protocol/inbox': { allowed: protocolReaders, request: () => ({ url: '/api/protocol/inbox' }) },
    ...(kind === 'regulator'
      ? {
          'GET /api/witness/checkpoints': {
            allowed: witnessReaders,
            request: () => ({ url: '/api/witness/checkpoints' }),
          },
          'GET /api/witness/alerts': {
            allowed: witnessReaders,
            request: () => ({ url: '/api/witness/alerts' }),
          },
          'GET /api/platform-reports': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/platform-reports?platform=platform-a' }),
          },
          'GET /api/platform-reports/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/platform-reports/${randomUUID()}` }),
          },
          'GET /api/clarifications': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/clarifications' }),
          },
          'GET /api/clarifications/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/clarifications/${randomUUID()}` }),
          },
          // A claim too short to match safely is refused after the gate (400).
          'POST /api/clarifications': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/clarifications',
              payload: { claim: '太短', title: '矩阵', body: '矩阵', verdict: 'false' },
            }),
          },
          'POST /api/clarifications/:id/cosign': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: `/api/clarifications/${randomUUID()}/cosign` }),
          },
          'POST /api/clarifications/:id/approve': {
            allowed: ['regulator_admin'],
            request: () => ({ url: `/api/clarifications/${randomUUID()}/approve` }),
          },
          'POST /api/clarifications/:id/publish': {
            allowed: ['regulator_admin'],
            request: () => ({ url: `/api/clarifications/${randomUUID()}/publish` }),
          },
          'GET /api/public/clarifications': {
            allowed: 'public',
            request: () => ({ url: '/api/public/clarifications' }),
          },
          'GET /api/public/clarifications/:id': {
            allowed: 'public',
            request: () => ({ url: `/api/public/clarifications/${randomUUID()}` }),
          },
          'GET /api/orders': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/orders' }),
          },
          'GET /api/orders/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/orders/${randomUUID()}` }),
          },
          'GET /api/inspections': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/inspections' }),
          },
          'GET /api/inspections/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/inspections/${randomUUID()}` }),
          },
          'POST /api/inspections': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/inspections',
              payload: {
                toNode: 'platform-x',
                kind: 'routine',
                periodFrom: new Date(Date.now() - 86_400_000).toISOString(),
                periodTo: new Date().toISOString(),
                reason: '矩阵',
              },
            }),
          },
          // No such peer: refused after the gate (404).
          'POST /api/orders': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/orders',
              payload: {
                toNode: 'platform-x',
                kind: 'stop',
                itemIds: [randomUUID()],
                basis: '第十九条',
                reason: '矩阵',
                deadlineAt: new Date(Date.now() + 3_600_000).toISOString(),
              },
            }),
          },
          // Public reports to the regulator (A18): anyone files and follows; staff read; officers close; only the
          // admin opens a reporter's sealed identity.
          'GET /api/public/reports/guide': {
            allowed: 'public',
            request: () => ({ url: '/api/public/reports/guide' }),
          },
          'POST /api/public/reports': {
            allowed: 'public',
            request: (n) => ({
              url: '/api/public/reports',
              payload: { category: 'rumor', platform: '矩阵平台', description: `矩阵测试举报 ${n}` },
            }),
          },
          'GET /api/public/reports/:code': {
            allowed: 'public',
            request: () => ({ url: '/api/public/reports/TH00-0000-0000-0000-0000' }),
          },
          'GET /api/public-reports': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/public-reports' }),
          },
          'GET /api/public-reports/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/public-reports/${randomUUID()}` }),
          },
          'GET /api/public-reports/:id/evidence/:evidenceId': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/public-reports/${randomUUID()}/evidence/${randomUUID()}` }),
          },
          'POST /api/public-reports/:id/close': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/public-reports/${randomUUID()}/close`,
              payload: { feedback: '矩阵', articles: ['A18'] },
            }),
          },
          'POST /api/public-reports/:id/unseal': {
            allowed: ['regulator_admin'],
            request: () => ({
              url: `/api/public-reports/${randomUUID()}/unseal`,
              payload: { reason: '矩阵' },
            }),
          },
          // Cases (A4, A5.1, A5.2): staff who work cases read and act on them; supervisors read them and set
          // deadlines; the procurator does neither. Unknown ids and organisations are refused after the gate.
          'GET /api/cases': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/cases' }),
          },
          'GET /api/cases/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/cases/${randomUUID()}` }),
          },
          'POST /api/cases': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/cases',
              payload: { title: '矩阵', summary: '', leadOrganisationId: randomUUID() },
            }),
          },
          'GET /api/public-reports/:id/route': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/public-reports/${randomUUID()}/route` }),
          },
          'POST /api/public-reports/:id/route': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: `/api/public-reports/${randomUUID()}/route` }),
          },
          'POST /api/cases/:id/departments': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/departments`,
              payload: { organisationId: randomUUID(), reason: '矩阵' },
            }),
          },
          'POST /api/cases/:id/consultations': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/consultations`,
              payload: {
                heldOn: '2026-11-02',
                participantIds: [randomUUID(), randomUUID()],
                conclusions: '矩阵',
              },
            }),
          },
          'POST /api/cases/:id/escalate': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: `/api/cases/${randomUUID()}/escalate`, payload: { reason: '矩阵' } }),
          },
          'POST /api/cases/:id/deadline': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/deadline`,
              payload: { workingDays: 5, reason: '矩阵' },
            }),
          },
          'POST /api/cases/:id/close': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/close`,
              payload: { conclusion: '矩阵', articles: ['A5.1'] },
            }),
          },
          'GET /api/routing-rules': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/routing-rules' }),
          },
          'PUT /api/routing-rules': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/routing-rules',
              payload: { rules: [{ category: 'rumor', countyCode: null, organisationId: randomUUID() }] },
            }),
          },
          'GET /api/working-days': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/working-days?year=2026' }),
          },
          'POST /api/cases/:id/links': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/links`,
              payload: { clarificationIds: [randomUUID()] },
            }),
          },
          // Transfers across regions: the gate is case.manage; the domain keeps them to the CAC (403 after it).
          'POST /api/cases/:id/transfer': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/transfer`,
              payload: { toNode: 'nowhere', reason: '矩阵' },
            }),
          },
          'GET /api/case-transfers': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/case-transfers' }),
          },
          'POST /api/case-transfers/:id/accept': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: `/api/case-transfers/${randomUUID()}/accept`, payload: {} }),
          },
          'POST /api/case-transfers/:id/refuse': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/case-transfers/${randomUUID()}/refuse`,
              payload: { reason: '矩阵' },
            }),
          },
          // Evaluation (A17): staff read; officers and supervisors give input; admins and supervisors edit, run and publish.
          'GET /api/platform-metrics': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/platform-metrics' }),
          },
          'GET /api/evaluation/indicators': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/evaluation/indicators' }),
          },
          // An empty list: refused after the gate (400), nothing written.
          'POST /api/evaluation/indicators': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({ url: '/api/evaluation/indicators', payload: { indicators: [], note: '矩阵' } }),
          },
          'GET /api/evaluations': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/evaluations' }),
          },
          'GET /api/evaluations/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/evaluations/${randomUUID()}` }),
          },
          'POST /api/evaluations': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({ url: '/api/evaluations', payload: { period: '2026-01' } }),
          },
          'POST /api/evaluations/:id/publish': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({ url: `/api/evaluations/${randomUUID()}/publish` }),
          },
          'GET /api/evaluation/inputs': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/evaluation/inputs' }),
          },
          // No such platform: refused after the gate, nothing written.
          'POST /api/evaluation/inputs': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({
              url: '/api/evaluation/inputs',
              payload: {
                platform: 'platform-x',
                period: '2026-01',
                source: 'department',
                score: 3,
                comment: '矩阵',
              },
            }),
          },
          'GET /api/evaluation/survey': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/evaluation/survey?period=2026-01' }),
          },
          'GET /api/public/survey': { allowed: 'public', request: () => ({ url: '/api/public/survey' }) },
          'POST /api/public/survey': {
            allowed: 'public',
            request: () => ({
              url: '/api/public/survey',
              payload: { platform: 'platform-x', handling: 3, clarificationSpeed: 3, reporting: 3 },
            }),
          },
          // Staff accountability (履职监督, A27): supervisors and admins read; supervisors keep records; officers never.
          'GET /api/accountability': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({ url: '/api/accountability' }),
          },
          'GET /api/accountability/records': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({ url: '/api/accountability/records' }),
          },
          'GET /api/accountability/records/:id': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({ url: `/api/accountability/records/${randomUUID()}` }),
          },
          'POST /api/accountability/records': {
            allowed: ['supervisor'],
            request: (_n, c) => ({
              url: '/api/accountability/records',
              payload: {
                staffId: c.reviewerId,
                from: '2026-11-01',
                to: '2026-11-30',
                findingIds: ['matrix'],
                measure: 'interview_reminder',
                note: '矩阵',
              },
            }),
          },
          'POST /api/accountability/records/:id/conclude': {
            allowed: ['supervisor'],
            request: () => ({
              url: `/api/accountability/records/${randomUUID()}/conclude`,
              payload: { outcome: '矩阵' },
            }),
          },
          // Bulletins (通报, A5.1): those who read cases read bulletins addressed to them; those who manage cases issue.
          'GET /api/bulletins': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/bulletins' }),
          },
          'GET /api/bulletins/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/bulletins/${randomUUID()}` }),
          },
          'POST /api/bulletins': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: '/api/bulletins', payload: { title: '矩阵', body: '矩阵' } }),
          },
          'POST /api/bulletins/:id/read': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/bulletins/${randomUUID()}/read` }),
          },
          // Referrals (A20): the procuratorate reads what is addressed to it and records its own steps only.
          'GET /api/referrals': {
            allowed: ['regulator_admin', 'officer', 'supervisor', 'procurator'],
            request: () => ({ url: '/api/referrals' }),
          },
          'GET /api/referrals/:id': {
            allowed: ['regulator_admin', 'officer', 'supervisor', 'procurator'],
            request: () => ({ url: `/api/referrals/${randomUUID()}` }),
          },
          'GET /api/referral-clocks': {
            allowed: ['regulator_admin', 'officer', 'supervisor', 'procurator'],
            request: () => ({ url: '/api/referral-clocks' }),
          },
          'POST /api/referrals': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/referrals',
              payload: { caseId: randomUUID(), kind: 'criminal', reason: '矩阵' },
            }),
          },
          'POST /api/referrals/:id/steps': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: `/api/referrals/${randomUUID()}/steps`, payload: { step: 'receive' } }),
          },
          'POST /api/referrals/:id/procuratorate-steps': {
            allowed: ['procurator'],
            request: () => ({
              url: `/api/referrals/${randomUUID()}/procuratorate-steps`,
              payload: { step: 'receive' },
            }),
          },
          // Individuals (A21): on the case's permissions; the sealed identity only to those who need it.
          'GET /api/individual-laws': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/individual-laws' }),
          },
          'GET /api/cases/:id/individuals': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: `/api/cases/${randomUUID()}/individuals` }),
          },
          'POST /api/cases/:id/individuals': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/individuals`,
              payload: { label: '矩阵', realName: '矩阵', conduct: '矩阵' },
            }),
          },
          'POST /api/cases/:id/individuals/:individualId/outcome': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/individuals/${randomUUID()}/outcome`,
              payload: { outcome: 'no_violation', lawIds: [] },
            }),
          },
          'POST /api/cases/:id/individuals/:individualId/unseal': {
            allowed: ['regulator_admin'],
            request: () => ({
              url: `/api/cases/${randomUUID()}/individuals/${randomUUID()}/unseal`,
              payload: { reason: '矩阵' },
            }),
          },
          // Industry conventions (A10) and public education (A6): officers publish, anyone reads the public pages.
          'GET /api/conventions': {
            allowed: ['regulator_admin', 'officer', 'supervisor'],
            request: () => ({ url: '/api/conventions' }),
          },
          'POST /api/conventions': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/conventions',
              payload: { key: 'matrix', title: '矩阵', body: '矩阵' },
            }),
          },
          'GET /api/public/conventions': {
            allowed: 'public',
            request: () => ({ url: '/api/public/conventions' }),
          },
          'GET /api/education': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({ url: '/api/education' }),
          },
          'POST /api/education': {
            allowed: ['regulator_admin', 'officer'],
            request: () => ({
              url: '/api/education',
              payload: {
                topic: 'other',
                titleZh: '矩阵',
                titleEn: 'Matrix',
                summaryZh: '矩阵',
                summaryEn: 'Matrix',
                bodyZh: '矩阵',
                bodyEn: 'Matrix',
              },
            }),
          },
          'GET /api/public/education': {
            allowed: 'public',
            request: () => ({ url: '/api/public/education' }),
          },
          'GET /api/public/education/:id': {
            allowed: 'public',
            request: () => ({ url: `/api/public/education/${randomUUID()}` }),
          },
          // Penalty cases (A22–A25): officers and admins manage, supervisors read, admins do the legal review.
          ...((): Record<string, RouteCase> => {
            const read = ['regulator_admin', 'officer', 'supervisor']
            const manage = ['regulator_admin', 'officer']
            const review = ['regulator_admin']
            const id = () => randomUUID()
            const post = (path: string, allowed: string[], payload?: unknown): RouteCase => ({
              allowed,
              request: () => ({ url: `/api/penalty-cases/${id()}/${path}`, ...(payload ? { payload } : {}) }),
            })
            return {
              'GET /api/penalty-cases': { allowed: read, request: () => ({ url: '/api/penalty-cases' }) },
              'GET /api/penalty-bounds': { allowed: read, request: () => ({ url: '/api/penalty-bounds' }) },
              'GET /api/credit-records': { allowed: read, request: () => ({ url: '/api/credit-records' }) },
              'GET /api/public/disclosures': {
                allowed: 'public',
                request: () => ({ url: '/api/public/disclosures' }),
              },
              'GET /api/penalty-cases/:id': {
                allowed: read,
                request: () => ({ url: `/api/penalty-cases/${id()}` }),
              },
              'GET /api/penalty-cases/:id/allowed-measures': {
                allowed: read,
                request: () => ({ url: `/api/penalty-cases/${id()}/allowed-measures` }),
              },
              'GET /api/penalty-cases/:id/decision': {
                allowed: read,
                request: () => ({ url: `/api/penalty-cases/${id()}/decision` }),
              },
              'GET /api/penalty-cases/:id/decision.pdf': {
                allowed: read,
                request: () => ({ url: `/api/penalty-cases/${id()}/decision.pdf` }),
              },
              'POST /api/penalty-cases': {
                allowed: manage,
                request: () => ({
                  url: '/api/penalty-cases',
                  payload: { partyNodeId: 'nobody', violated: ['A19.2'], title: '矩阵', facts: '矩阵' },
                }),
              },
              'POST /api/penalty-cases/:id/investigate': post('investigate', manage, {
                findings: '矩阵',
                aggravated: false,
              }),
              'POST /api/penalty-cases/:id/notify': post('notify', manage, {
                facts: '矩阵',
                reasons: '矩阵',
                basis: '矩阵',
                aggravated: false,
                measures: [{ kind: 'correction_order' }],
              }),
              'POST /api/penalty-cases/:id/statement': post('statement', manage, {
                text: '矩阵',
                waivesHearing: false,
              }),
              'POST /api/penalty-cases/:id/hearing-request': post('hearing-request', manage),
              'POST /api/penalty-cases/:id/hearing-schedule': post('hearing-schedule', manage, {
                hearingOn: '2030-01-10',
                place: '矩阵',
              }),
              'POST /api/penalty-cases/:id/hearing': post('hearing', manage, { record: '矩阵' }),
              'POST /api/penalty-cases/:id/legal-review': post('legal-review', review, {
                opinion: '矩阵',
                approved: true,
              }),
              'POST /api/penalty-cases/:id/decide': post('decide', manage, {
                measures: [{ kind: 'correction_order' }],
                aggravated: false,
                performance: '矩阵',
              }),
              'POST /api/penalty-cases/:id/serve': post('serve', manage, { method: '矩阵' }),
              'POST /api/penalty-cases/:id/execute': post('execute', manage, { note: '矩阵' }),
              'POST /api/penalty-cases/:id/publish': post('publish', manage),
              'POST /api/penalty-cases/:id/revoke': post('revoke', review, { reason: '矩阵' }),
            }
          })(),
          // Not a date: refused after the gate (400), nothing written.
          'PUT /api/working-days/:date': {
            allowed: ['regulator_admin', 'supervisor'],
            request: () => ({
              url: '/api/working-days/2026-02-30',
              payload: { working: true, note: '矩阵' },
            }),
          },
        }
      : {}),
    ...(kind === 'platform'
      ? {
          'POST /api/users': {
            allowed: 'public',
            request: (n) => ({
              url: '/api/users',
              payload: {
                phone: `1390435${String(1000 + (n % 9000)).padStart(4, '0')}`,
                password: 'matrix-user-pass-1',
                displayName: `网友${n}`,
              },
            }),
          },
          'POST /api/users/session': {
            allowed: 'public',
            request: () => ({
              url: '/api/users/session',
              payload: { phone: '13704350000', password: 'matrix-user-pass-1' },
            }),
          },
          'DELETE /api/users/session': { allowed: 'user', request: () => ({ url: '/api/users/session' }) },
          'GET /api/users/me': { allowed: 'user', request: () => ({ url: '/api/users/me' }) },
          'GET /api/rules': { allowed: 'public', request: () => ({ url: '/api/rules' }) },
          'GET /api/rules/:kind': { allowed: 'public', request: () => ({ url: '/api/rules/convention' }) },
          'GET /api/rules/:kind/:version': {
            allowed: 'public',
            request: () => ({ url: '/api/rules/convention/1' }),
          },
          'POST /api/rules': {
            allowed: ['platform_admin', 'operator'],
            request: (n) => ({
              url: '/api/rules',
              payload: {
                kind: 'convention',
                titleZh: `公约 ${n}`,
                titleEn: `Convention ${n}`,
                bodyZh: '文明上网',
                bodyEn: 'Be civil',
                changeNote: '测试',
              },
            }),
          },
          'GET /api/credit/policy': { allowed: 'public', request: () => ({ url: '/api/credit/policy' }) },
          'GET /api/credit/policy/versions': {
            allowed: 'public',
            request: () => ({ url: '/api/credit/policy/versions' }),
          },
          'POST /api/credit/policy': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({
              url: '/api/credit/policy',
              payload: { document: DEFAULT_CREDIT_POLICY, note: '矩阵测试' },
            }),
          },
          'GET /api/users/me/credit': { allowed: 'user', request: () => ({ url: '/api/users/me/credit' }) },
          'GET /api/platform/users': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/platform/users?q=%25' }),
          },
          'GET /api/credit/users/:userId': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: `/api/credit/users/${randomUUID()}` }),
          },
          'POST /api/credit/users/:userId/events': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({
              url: `/api/credit/users/${randomUUID()}/events`,
              payload: { kind: 'adjustment', delta: 1, reason: '矩阵测试' },
            }),
          },
          'POST /api/credit/events/:eventId/restore': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({
              url: `/api/credit/events/${randomUUID()}/restore`,
              payload: { reason: '矩阵测试' },
            }),
          },
          'GET /api/users/me/acceptances': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/acceptances' }),
          },
          'POST /api/users/me/acceptances': {
            allowed: 'user',
            request: () => ({
              url: '/api/users/me/acceptances',
              payload: { documents: [{ kind: 'convention', version: 1 }] },
            }),
          },
          'POST /api/users/me/identity': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/identity', payload: { realName: '王', idNumber: '123' } }),
          },
          'GET /api/screening/rule-sets': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/screening/rule-sets' }),
          },
          'POST /api/screening/rule-sets': {
            allowed: ['platform_admin', 'operator'],
            request: (n) => ({
              url: '/api/screening/rule-sets',
              payload: {
                label: `矩阵词库 ${n}`,
                note: '矩阵测试',
                lexicon: [{ term: '矩阵测试词', category: 'prohibit', severity: 1, basis: ['A11.1'] }],
              },
            }),
          },
          'GET /api/screening/claims': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/screening/claims' }),
          },
          'POST /api/screening/claims': {
            allowed: ['platform_admin', 'operator'],
            request: (n) => ({
              url: '/api/screening/claims',
              payload: { text: `矩阵测试虚假信息第${n}条：通化全市明天停电`, source: '矩阵测试' },
            }),
          },
          // An empty text is refused by the schema, after authorisation: the gates themselves are tested beside
          // the publish path.
          'POST /api/content': {
            allowed: 'user',
            request: () => ({ url: '/api/content', payload: { kind: 'post', text: '' } }),
          },
          'GET /api/content': { allowed: 'public', request: () => ({ url: '/api/content' }) },
          'GET /api/content/:id': {
            allowed: 'public',
            request: () => ({ url: `/api/content/${randomUUID()}` }),
          },
          'GET /api/users/me/content': { allowed: 'user', request: () => ({ url: '/api/users/me/content' }) },
          'GET /api/review/queue': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/review/queue' }),
          },
          'POST /api/review/:id/claim': {
            allowed: ['platform_admin', 'reviewer'],
            request: () => ({ url: `/api/review/${randomUUID()}/claim` }),
          },
          'POST /api/review/:id/decision': {
            allowed: ['platform_admin', 'reviewer'],
            request: () => ({
              url: `/api/review/${randomUUID()}/decision`,
              payload: { decision: 'approve', reason: '矩阵测试' },
            }),
          },
          'GET /api/review/:id/history': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: `/api/review/${randomUUID()}/history` }),
          },
          'GET /api/review/templates': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/review/templates' }),
          },
          'POST /api/review/:id/escalate': {
            allowed: ['platform_admin', 'reviewer'],
            request: () => ({ url: `/api/review/${randomUUID()}/escalate`, payload: { note: '矩阵测试' } }),
          },
          'POST /api/review/bulk': {
            allowed: ['platform_admin', 'reviewer'],
            request: () => ({
              url: '/api/review/bulk',
              payload: { ids: [randomUUID()], decision: 'approve', reason: '矩阵测试' },
            }),
          },
          'GET /api/patrol/runs': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/patrol/runs' }),
          },
          'GET /api/patrol/runs/:id': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: `/api/patrol/runs/${randomUUID()}` }),
          },
          // Before any rule set is published there is nothing to patrol with: refused with 409, after the gate.
          'POST /api/patrol/runs': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({ url: '/api/patrol/runs', payload: { windowDays: 1 } }),
          },
          'GET /api/patrol/sample': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({ url: '/api/patrol/sample?size=1' }),
          },
          'POST /api/patrol/looks': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({
              url: '/api/patrol/looks',
              payload: { itemId: randomUUID(), outcome: 'ok', note: '矩阵测试' },
            }),
          },
          'GET /api/patrol/coverage': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/patrol/coverage' }),
          },
          'GET /api/staffing': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/staffing?days=2' }),
          },
          'GET /api/filings': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/filings?status=waiting' }),
          },
          'GET /api/filings/:id': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: `/api/filings/${randomUUID()}` }),
          },
          'GET /api/users/me/notices': { allowed: 'user', request: () => ({ url: '/api/users/me/notices' }) },
          'POST /api/users/me/notices/read': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/notices/read' }),
          },
          'GET /api/reports/guide': { allowed: 'public', request: () => ({ url: '/api/reports/guide' }) },
          'POST /api/reports': {
            allowed: 'user',
            request: () => ({ url: '/api/reports', payload: { itemId: randomUUID(), category: 'rumor' } }),
          },
          'GET /api/users/me/reports': { allowed: 'user', request: () => ({ url: '/api/users/me/reports' }) },
          'GET /api/users/me/reports/:trackingNo': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/reports/JB20261130-AAAAAA' }),
          },
          'GET /api/reports/queue': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/reports/queue' }),
          },
          'GET /api/reports/items/:id': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: `/api/reports/items/${randomUUID()}` }),
          },
          'POST /api/reports/items/:id/decision': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({
              url: `/api/reports/items/${randomUUID()}/decision`,
              payload: { outcome: 'dismiss', reason: '矩阵测试' },
            }),
          },
          'POST /api/reporters/:id/mute': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({
              url: `/api/reporters/${randomUUID()}/mute`,
              payload: { days: 1, reason: '矩阵' },
            }),
          },
          'POST /api/reporters/:id/unmute': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({ url: `/api/reporters/${randomUUID()}/unmute` }),
          },
          'GET /api/rumors': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/rumors' }),
          },
          'GET /api/rumors/:id': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: `/api/rumors/${randomUUID()}` }),
          },
          // A claim too short to match safely is refused after the gate (400).
          'POST /api/rumors': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({
              url: '/api/rumors',
              payload: {
                text: '太短',
                verdict: 'false',
                source: 'review',
                sourceRef: '矩阵',
                measures: ['stop'],
                reason: '矩阵',
                category: 'false',
              },
            }),
          },
          'GET /api/disposals': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: '/api/disposals' }),
          },
          'GET /api/disposals/:id': {
            allowed: ['platform_admin', 'operator', 'reviewer', 'inspector'],
            request: () => ({ url: `/api/disposals/${randomUUID()}` }),
          },
          'POST /api/content/:id/disposal': {
            allowed: ['platform_admin', 'operator', 'reviewer'],
            request: () => ({
              url: `/api/content/${randomUUID()}/disposal`,
              payload: { measures: ['stop'], reason: '矩阵', category: 'false' },
            }),
          },
          'POST /api/retention/:id/open': {
            allowed: ['platform_admin', 'inspector'],
            request: () => ({ url: `/api/retention/${randomUUID()}/open`, payload: { reason: '矩阵' } }),
          },
          'GET /api/legal-holds': {
            allowed: ['platform_admin', 'inspector'],
            request: () => ({ url: '/api/legal-holds' }),
          },
          'POST /api/legal-holds': {
            allowed: ['platform_admin'],
            request: () => ({ url: '/api/legal-holds', payload: { itemId: randomUUID(), reason: '矩阵' } }),
          },
          'POST /api/legal-holds/:id/release': {
            allowed: ['platform_admin'],
            request: () => ({ url: `/api/legal-holds/${randomUUID()}/release`, payload: { reason: '矩阵' } }),
          },
          'POST /api/appeals': {
            allowed: 'user',
            request: () => ({ url: '/api/appeals', payload: { itemId: randomUUID(), reason: '矩阵' } }),
          },
          'GET /api/users/me/appeals': { allowed: 'user', request: () => ({ url: '/api/users/me/appeals' }) },
          'GET /api/appeals': {
            allowed: ['platform_admin', 'reviewer'],
            request: () => ({ url: '/api/appeals' }),
          },
          'GET /api/orders': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/orders' }),
          },
          'GET /api/metrics/submissions': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/metrics/submissions' }),
          },
          // A period not ended: refused after the gate (409), nothing sent.
          'POST /api/metrics/submissions': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({ url: '/api/metrics/submissions', payload: { period: '2099-01' } }),
          },
          'GET /api/received-bulletins': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/received-bulletins' }),
          },
          'GET /api/received-conventions': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/received-conventions' }),
          },
          'POST /api/received-conventions/:id/sign': {
            allowed: ['platform_admin'],
            request: () => ({ url: `/api/received-conventions/${randomUUID()}/sign` }),
          },
          'POST /api/received-bulletins/:id/acknowledge': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({ url: `/api/received-bulletins/${randomUUID()}/acknowledge` }),
          },
          'GET /api/orders/:id': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: `/api/orders/${randomUUID()}` }),
          },
          'GET /api/inspections': {
            allowed: ['platform_admin', 'inspector'],
            request: () => ({ url: '/api/inspections' }),
          },
          'POST /api/orders/:id/execute': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({ url: `/api/orders/${randomUUID()}/execute` }),
          },
          'POST /api/appeals/:id/decision': {
            allowed: ['platform_admin', 'reviewer'],
            request: () => ({
              url: `/api/appeals/${randomUUID()}/decision`,
              payload: { outcome: 'dismiss', reason: '矩阵' },
            }),
          },
          // Recommendation (A14): anyone reads the feed and the model; users their own choice and interests; operators
          // publish the model and intervene, inspectors read them.
          'GET /api/feed': { allowed: 'public', request: () => ({ url: '/api/feed' }) },
          'GET /api/users/me/feed': { allowed: 'user', request: () => ({ url: '/api/users/me/feed' }) },
          'POST /api/content/:id/interactions': {
            allowed: 'user',
            request: () => ({ url: `/api/content/${randomUUID()}/interactions`, payload: { kind: 'view' } }),
          },
          'GET /api/content/:id/interactions/like': {
            allowed: 'user',
            request: () => ({ url: `/api/content/${randomUUID()}/interactions/like` }),
          },
          'DELETE /api/content/:id/interactions/like': {
            allowed: 'user',
            request: () => ({ url: `/api/content/${randomUUID()}/interactions/like` }),
          },
          'GET /api/users/me/feed-settings': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/feed-settings' }),
          },
          'PUT /api/users/me/feed-settings': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/feed-settings', payload: { personalised: false } }),
          },
          'GET /api/users/me/interests': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/interests' }),
          },
          'DELETE /api/users/me/interests/:tag': {
            allowed: 'user',
            request: () => ({ url: `/api/users/me/interests/${encodeURIComponent('矩阵')}` }),
          },
          'DELETE /api/users/me/interests': {
            allowed: 'user',
            request: () => ({ url: '/api/users/me/interests' }),
          },
          'GET /api/public/recommendation-model': {
            allowed: 'public',
            request: () => ({ url: '/api/public/recommendation-model' }),
          },
          'GET /api/recommendation/models': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/recommendation/models' }),
          },
          'POST /api/recommendation/models': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({ url: '/api/recommendation/models', payload: { document: {}, note: '矩阵' } }),
          },
          'GET /api/recommendation/interventions': {
            allowed: ['platform_admin', 'operator', 'inspector'],
            request: () => ({ url: '/api/recommendation/interventions' }),
          },
          'POST /api/recommendation/interventions': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({
              url: '/api/recommendation/interventions',
              payload: {
                targetKind: 'topic',
                target: '矩阵',
                action: 'exclude',
                reason: '矩阵',
                expiresAt: '2030-01-01T00:00:00Z',
              },
            }),
          },
          'POST /api/recommendation/interventions/:id/revoke': {
            allowed: ['platform_admin', 'operator'],
            request: () => ({ url: `/api/recommendation/interventions/${randomUUID()}/revoke` }),
          },
        }
      : {}),
    'GET /api/ledger/checkpoints': { allowed: 'public', request: () => ({ url: '/api/ledger/checkpoints' }) },
    'POST /api/ledger/checkpoints': { allowed: admins, request: () => ({ url: '/api/ledger/checkpoints' }) },
    'GET /api/ledger/officer-keys': {
      allowed: ledgerReaders,
      request: () => ({ url: '/api/ledger/officer-keys' }),
    },
    'GET /api/ledger/entries': {
      allowed: ledgerReaders,
      request: () => ({ url: '/api/ledger/entries?limit=5' }),
    },
    'GET /api/ledger/proofs/inclusion': {
      allowed: 'public',
      request: () => ({ url: '/api/ledger/proofs/inclusion?index=0' }),
    },
    'GET /api/ledger/proofs/consistency': {
      allowed: 'public',
      request: () => ({ url: '/api/ledger/proofs/consistency?from=0' }),
    },
  }
}

interface Persona {
  /** A staff role, or `platform_user` for a signed-in user of the platform. */
  role: string
  headers: (method: string) => Record<string, string>
  fresh: () => Promise<(method: string) => Record<string, string>>
}

async function signInUser(
  node: TestNode,
  phone: string,
): Promise<(method: string) => Record<string, string>> {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/users/session',
    payload: { phone, password: 'matrix-user-pass-1' },
  })
  const cookie = `ql_user=${res.cookies.find((c) => c.name === 'ql_user')!.value}`
  const csrf = res.json().csrfToken as string
  return (method): Record<string, string> =>
    method === 'GET' ? { cookie } : { cookie, 'x-csrf-token': csrf }
}

for (const kind of ['platform', 'regulator'] as const) {
  describe(`authorisation matrix on a ${kind} node`, () => {
    let node: TestNode
    const personas: Persona[] = []
    let ctx: { reviewerId: string; orgId: string; roles: string[]; login: string }
    const cases = matrix(kind)
    // One signed-in person per role (the demo staff cover every role of the node kind).
    const people = loginsFor(kind).filter(
      (p, i, all) => all.findIndex((q) => q.roles[0] === p.roles[0]) === i,
    )

    beforeAll(async () => {
      node = await startTestNode(kind)
      for (const p of people) {
        const s = await signIn(node.app, p.login)
        personas.push({
          role: p.roles[0]!,
          headers: (method) => as(s, method),
          fresh: async () => {
            const again = await signIn(node.app, p.login)
            return (method) => as(again, method)
          },
        })
      }
      if (kind === 'platform') {
        const phone = '13704350000'
        await node.app.inject({
          method: 'POST',
          url: '/api/users',
          payload: { phone, password: 'matrix-user-pass-1', displayName: '矩阵网友' },
        })
        const headers = await signInUser(node, phone)
        personas.push({ role: 'platform_user', headers, fresh: () => signInUser(node, phone) })
      }
      const admin = personas.find((p) => p.role.endsWith('admin'))!
      const staff = await node.app.inject({ url: '/api/staff', headers: admin.headers('GET') })
      const target = staff
        .json()
        .items.find((s: { roles: string[] }) =>
          s.roles.includes(kind === 'platform' ? 'reviewer' : 'officer'),
        )
      ctx = { reviewerId: target.id, orgId: target.organisationId, roles: [], login: '' }
    })
    afterAll(async () => node?.close())

    it('lists every route the app serves', () => {
      const served = node.app.routeTable
        .filter((r) => !r.url.startsWith('/docs'))
        .map((r) => `${r.method} ${r.url}`)
        .sort()
      expect(served).toEqual(Object.keys(cases).sort())
      // Swagger UI's own routes are public documentation, nothing else lives under /docs.
      expect(
        node.app.routeTable.filter((r) => r.url.startsWith('/docs')).every((r) => r.access === 'public'),
      ).toBe(true)
    })

    let n = 0
    const loginOf = (role: string) => people.find((p) => p.roles[0] === role)?.login ?? people[0]!.login
    for (const [route, c] of Object.entries(cases)) {
      const [method] = route.split(' ') as [string, string]
      it(`${route}: anonymous`, async () => {
        const r = c.request(++n, { ...ctx, roles: [], login: people[0]!.login })
        const res = await node.app.inject({
          method: method as 'GET',
          url: r.url,
          payload: r.payload as object,
        })
        if (c.allowed === 'public') {
          expect([401, 403]).not.toContain(res.statusCode)
          expect(res.statusCode).toBeLessThan(500)
        } else {
          expect(res.statusCode).toBe(401)
          expect(res.json().code).toBe(c.allowed === 'user' ? 'USER_AUTH_REQUIRED' : 'AUTH_REQUIRED')
        }
      })
      const roles = [
        ...new Set(people.map((p) => p.roles[0]!)),
        ...(kind === 'platform' ? ['platform_user'] : []),
      ]
      for (const role of roles) {
        it(`${route}: ${role}`, async () => {
          const persona = personas.find((p) => p.role === role)!
          // Signing out ends the session, so those cases sign in afresh.
          const headers =
            route.endsWith('/session') || route.endsWith('/logout') ? await persona.fresh() : persona.headers
          const r = c.request(++n, {
            ...ctx,
            roles: role === 'platform_user' ? [] : [role],
            login: loginOf(role),
          })
          const res = await node.app.inject({
            method: method as 'GET',
            url: r.url,
            payload: r.payload as object,
            headers: headers(method),
          })
          const isUser = role === 'platform_user'
          const allowed =
            c.allowed === 'public' ||
            (c.allowed === 'user' && isUser) ||
            (c.allowed === 'anyone-signed-in' && !isUser) ||
            (Array.isArray(c.allowed) && c.allowed.includes(role))
          if (allowed) {
            expect([401, 403], `${role} should pass: ${res.body}`).not.toContain(res.statusCode)
            expect(res.statusCode).toBeLessThan(500)
          } else if (isUser || c.allowed === 'user') {
            // A platform user holds no staff session, and staff hold no platform-user session.
            expect(res.statusCode, res.body).toBe(401)
            expect(res.json().code).toBe(isUser ? 'AUTH_REQUIRED' : 'USER_AUTH_REQUIRED')
          } else {
            expect(res.statusCode, res.body).toBe(403)
            expect(res.json().code).toBe('FORBIDDEN')
          }
        })
      }
    }
  })
}
