// The console's pages, one row each. The router makes a route of every row, the side menu shows the rows whose
// permission the signed-in person holds, and each screen is loaded only when first opened.
//
// To add a page: write `web/screens/<area>/<Name>Screen.tsx` with a default export, add its label to both
// dictionaries in `i18n.ts` (`menu.<key>`), and add one row below. The menu item gets `data-testid="menu-<key>"`.
import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FilterOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  IssuesCloseOutlined,
  KeyOutlined,
  LikeOutlined,
  MonitorOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SolutionOutlined,
  SoundOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons'
import { type ComponentType, type LazyExoticComponent, lazy } from 'react'
import type { NodeRole, Permission } from '../api/types.ts'
import type { MessageKey } from './i18n.ts'

export interface PageDef {
  /** Stable id: the menu key and `data-testid="menu-<key>"`. */
  key: string
  /** Route path; may have parameters (`/cases/:id`) for pages left out of the menu. */
  path: string
  /** Menu label and page title, from the i18n dictionaries. */
  label: MessageKey
  icon: ComponentType
  /** The permission needed to see the menu entry and open the page. */
  permission: Permission
  screen: LazyExoticComponent<ComponentType>
  /** `false` keeps the page out of the side menu (detail pages reached from another page). */
  menu?: boolean
  /**
   * The one kind of node the page belongs to, where both kinds grant its permission with different meanings
   * (`order.read`: orders issued on a regulator, orders received on a platform).
   */
  node?: NodeRole
}

export const PAGES: readonly PageDef[] = [
  {
    key: 'dashboard',
    path: '/',
    label: 'menu.dashboard',
    icon: DashboardOutlined,
    permission: 'node.read',
    screen: lazy(() => import('../screens/dashboard/DashboardScreen.tsx')),
  },
  {
    key: 'organisations',
    path: '/organisations',
    label: 'menu.organisations',
    icon: ApartmentOutlined,
    permission: 'organisation.read',
    screen: lazy(() => import('../screens/organisations/OrganisationsScreen.tsx')),
  },
  {
    key: 'staff',
    path: '/staff',
    label: 'menu.staff',
    icon: TeamOutlined,
    permission: 'staff.read',
    screen: lazy(() => import('../screens/staff/StaffScreen.tsx')),
  },
  {
    key: 'tokens',
    path: '/tokens',
    label: 'menu.tokens',
    icon: KeyOutlined,
    permission: 'token.manage',
    screen: lazy(() => import('../screens/tokens/TokensScreen.tsx')),
  },
  {
    key: 'ledger',
    path: '/ledger',
    label: 'menu.ledger',
    icon: AuditOutlined,
    permission: 'ledger.read',
    screen: lazy(() => import('../screens/ledger/LedgerScreen.tsx')),
  },
  {
    key: 'protocol',
    path: '/protocol',
    label: 'menu.protocol',
    icon: ApiOutlined,
    permission: 'protocol.read',
    screen: lazy(() => import('../screens/protocol/ProtocolScreen.tsx')),
  },
  {
    key: 'rules',
    path: '/rules',
    label: 'menu.rules',
    icon: FileProtectOutlined,
    permission: 'rules.manage',
    screen: lazy(() => import('../screens/rules/RulesScreen.tsx')),
  },
  {
    key: 'credit',
    path: '/credit',
    label: 'menu.credit',
    icon: TrophyOutlined,
    permission: 'credit.read',
    screen: lazy(() => import('../screens/credit/CreditScreen.tsx')),
  },
  {
    key: 'review',
    path: '/review',
    label: 'menu.review',
    icon: SolutionOutlined,
    permission: 'review.read',
    screen: lazy(() => import('../screens/review/ReviewScreen.tsx')),
  },
  {
    key: 'screening',
    path: '/screening',
    label: 'menu.screening',
    icon: FilterOutlined,
    permission: 'screening.read',
    screen: lazy(() => import('../screens/screening/ScreeningScreen.tsx')),
  },
  {
    key: 'patrol',
    path: '/patrol',
    label: 'menu.patrol',
    icon: EyeOutlined,
    permission: 'patrol.act',
    screen: lazy(() => import('../screens/patrol/PatrolScreen.tsx')),
  },
  {
    key: 'reports',
    path: '/reports',
    label: 'menu.reports',
    icon: FlagOutlined,
    permission: 'report.read',
    screen: lazy(() => import('../screens/reports/ReportsScreen.tsx')),
  },
  {
    key: 'disposals',
    path: '/disposals',
    label: 'menu.disposals',
    icon: StopOutlined,
    permission: 'disposal.read',
    screen: lazy(() => import('../screens/disposal/DisposalScreen.tsx')),
  },
  {
    key: 'disposal',
    path: '/disposals/:id',
    label: 'disposal.detail',
    icon: StopOutlined,
    permission: 'disposal.read',
    screen: lazy(() => import('../screens/disposal/DisposalDetailScreen.tsx')),
    menu: false,
  },
  {
    key: 'appeals',
    path: '/appeals',
    label: 'menu.appeals',
    icon: FileSearchOutlined,
    permission: 'appeal.decide',
    screen: lazy(() => import('../screens/appeals/AppealsScreen.tsx')),
  },
  {
    key: 'recommendation',
    path: '/recommendation',
    label: 'menu.recommendation',
    icon: LikeOutlined,
    permission: 'recommendation.read',
    screen: lazy(() => import('../screens/recommendation/RecommendationScreen.tsx')),
  },
  {
    key: 'staffing',
    path: '/staffing',
    label: 'menu.staffing',
    icon: BarChartOutlined,
    permission: 'staffing.read',
    screen: lazy(() => import('../screens/staffing/StaffingScreen.tsx')),
  },
  {
    key: 'witness',
    path: '/witness',
    label: 'menu.witness',
    icon: SafetyCertificateOutlined,
    permission: 'witness.read',
    screen: lazy(() => import('../screens/witness/WitnessScreen.tsx')),
  },
  {
    key: 'platformReports',
    path: '/platform-reports',
    label: 'menu.platformReports',
    icon: NotificationOutlined,
    permission: 'platform_report.read',
    screen: lazy(() => import('../screens/platform-reports/PlatformReportsScreen.tsx')),
  },
  {
    key: 'clarifications',
    path: '/clarifications',
    label: 'menu.clarifications',
    icon: IssuesCloseOutlined,
    permission: 'clarification.read',
    screen: lazy(() => import('../screens/clarifications/ClarificationsScreen.tsx')),
  },
  {
    key: 'publicReports',
    path: '/public-reports',
    label: 'menu.publicReports',
    icon: InboxOutlined,
    permission: 'public_report.read',
    screen: lazy(() => import('../screens/public-reports/PublicReportsScreen.tsx')),
  },
  {
    key: 'cases',
    path: '/cases',
    label: 'menu.cases',
    icon: FolderOpenOutlined,
    permission: 'case.read',
    screen: lazy(() => import('../screens/cases/CasesScreen.tsx')),
  },
  {
    key: 'bulletins',
    path: '/bulletins',
    label: 'menu.bulletins',
    icon: SoundOutlined,
    permission: 'case.read',
    screen: lazy(() => import('../screens/bulletins/BulletinsScreen.tsx')),
  },
  {
    key: 'evaluation',
    path: '/evaluation',
    label: 'menu.evaluation',
    icon: BarChartOutlined,
    permission: 'evaluation.read',
    screen: lazy(() => import('../screens/evaluation/EvaluationScreen.tsx')),
  },
  {
    key: 'referrals',
    path: '/referrals',
    label: 'menu.referrals',
    icon: SendOutlined,
    permission: 'referral.read',
    screen: lazy(() => import('../screens/referrals/ReferralsScreen.tsx')),
  },
  {
    key: 'conventions',
    path: '/conventions',
    label: 'menu.conventions',
    icon: FileProtectOutlined,
    permission: 'convention.read',
    screen: lazy(() => import('../screens/conventions/ConventionsScreen.tsx')),
    node: 'regulator',
  },
  {
    key: 'receivedConventions',
    path: '/received-conventions',
    label: 'menu.conventions',
    icon: FileProtectOutlined,
    permission: 'convention.read',
    screen: lazy(() => import('../screens/conventions/ReceivedConventionsScreen.tsx')),
    node: 'platform',
  },
  {
    key: 'education',
    path: '/education',
    label: 'menu.education',
    icon: SolutionOutlined,
    permission: 'education.publish',
    screen: lazy(() => import('../screens/learn/EducationScreen.tsx')),
  },
  {
    key: 'accountability',
    path: '/accountability',
    label: 'menu.accountability',
    icon: AuditOutlined,
    permission: 'accountability.read',
    screen: lazy(() => import('../screens/accountability/AccountabilityScreen.tsx')),
  },
  {
    key: 'orders',
    path: '/orders',
    label: 'menu.orders',
    icon: AlertOutlined,
    permission: 'order.read',
    screen: lazy(() => import('../screens/orders/OrdersScreen.tsx')),
    node: 'regulator',
  },
  {
    key: 'penalties',
    path: '/penalties',
    label: 'menu.penalties',
    icon: AuditOutlined,
    permission: 'penalty.read',
    screen: lazy(() => import('../screens/penalties/PenaltiesScreen.tsx')),
    node: 'regulator',
  },
  {
    key: 'inspections',
    path: '/inspections',
    label: 'menu.inspections',
    icon: MonitorOutlined,
    permission: 'inspection.read',
    screen: lazy(() => import('../screens/inspections/InspectionsScreen.tsx')),
    // platforms hold `inspection.read` for the inspections they answered, which this page does not show
    node: 'regulator',
  },
  {
    key: 'metricsSubmissions',
    path: '/metrics',
    label: 'menu.metricsSubmissions',
    icon: BarChartOutlined,
    permission: 'metrics.read',
    screen: lazy(() => import('../screens/evaluation/MetricsSubmissionsScreen.tsx')),
    node: 'platform',
  },
  {
    key: 'receivedOrders',
    path: '/received-orders',
    label: 'menu.receivedOrders',
    icon: AlertOutlined,
    permission: 'order.read',
    screen: lazy(() => import('../screens/orders/ReceivedOrdersScreen.tsx')),
    node: 'platform',
  },
  {
    key: 'filings',
    path: '/filings',
    label: 'menu.filings',
    icon: SendOutlined,
    permission: 'filing.read',
    screen: lazy(() => import('../screens/filings/FilingsScreen.tsx')),
  },
]

/**
 * The row a location belongs to: the one whose path is the longest match, so `/cases/7` finds `/cases`. Pass the
 * menu rows to find which menu entry to highlight on a page that is not itself in the menu.
 */
export function pageOf(pathname: string, pages: readonly PageDef[] = PAGES): PageDef | undefined {
  let best: PageDef | undefined
  let bestLength = -1
  for (const p of pages) {
    const base = p.path.split('/:')[0] || '/'
    const hit = base === '/' ? pathname === '/' : pathname === base || pathname.startsWith(`${base}/`)
    if (hit && base.length > bestLength) {
      best = p
      bestLength = base.length
    }
  }
  return best
}
