// The public portal's routes, under /u. The portal's frame and each of its screens load only when first opened, so
// staff who never open the portal never download it (and the other way round).
import { lazy, Suspense } from 'react'
import { Navigate, type RouteObject, useParams } from 'react-router'
import { FullPageSpin } from '../app/Layout.tsx'
import { RouteError } from '../screens/errors/RouteError.tsx'

const PortalRoot = lazy(() => import('./PortalLayout.tsx'))
const RegisterScreen = lazy(() => import('../screens/portal/RegisterScreen.tsx'))
const UserLoginScreen = lazy(() => import('../screens/portal/UserLoginScreen.tsx'))
const MeScreen = lazy(() => import('../screens/portal/MeScreen.tsx'))
const IdentityScreen = lazy(() => import('../screens/portal/IdentityScreen.tsx'))
const RulesListScreen = lazy(() => import('../screens/portal/RulesListScreen.tsx'))
const RuleDocScreen = lazy(() => import('../screens/portal/RuleDocScreen.tsx'))
const AcceptRulesScreen = lazy(() => import('../screens/portal/AcceptRulesScreen.tsx'))
const FeedScreen = lazy(() => import('../screens/portal/FeedScreen.tsx'))
const PostScreen = lazy(() => import('../screens/portal/PostScreen.tsx'))
const ItemScreen = lazy(() => import('../screens/portal/ItemScreen.tsx'))
const ReportGuideScreen = lazy(() => import('../screens/portal/ReportGuideScreen.tsx'))
const MyReportsScreen = lazy(() => import('../screens/portal/MyReportsScreen.tsx'))
const MyAppealsScreen = lazy(() => import('../screens/portal/MyAppealsScreen.tsx'))
const RecommendationSettingsScreen = lazy(
  () => import('../screens/recommendation/RecommendationSettingsScreen.tsx'),
)
const PortalNotFound = lazy(() => import('./portalUi.tsx').then((m) => ({ default: m.PortalNotFound })))

/** The server gives each rule version the public address `/rules/<kind>/<version>`; its page is in the portal. */
function RuleAddress() {
  const { kind, version } = useParams()
  return <Navigate to={`/u/rules/${kind ?? ''}/${version ?? ''}`} replace />
}

export const portalRoutes: RouteObject[] = [
  {
    path: '/u',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PortalRoot />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <FeedScreen /> },
      { path: 'posts/:id', element: <PostScreen /> },
      { path: 'items/:id', element: <ItemScreen /> },
      { path: 'report-guide', element: <ReportGuideScreen /> },
      { path: 'register', element: <RegisterScreen /> },
      { path: 'login', element: <UserLoginScreen /> },
      { path: 'me', element: <MeScreen /> },
      { path: 'me/reports', element: <MyReportsScreen /> },
      { path: 'me/appeals', element: <MyAppealsScreen /> },
      { path: 'me/recommendation', element: <RecommendationSettingsScreen /> },
      { path: 'identity', element: <IdentityScreen /> },
      { path: 'rules', element: <RulesListScreen /> },
      { path: 'rules/accept', element: <AcceptRulesScreen /> },
      { path: 'rules/:kind', element: <RuleDocScreen /> },
      { path: 'rules/:kind/:version', element: <RuleDocScreen /> },
      { path: '*', element: <PortalNotFound /> },
    ],
  },
  { path: '/rules/:kind/:version', element: <RuleAddress />, errorElement: <RouteError /> },
]
