// The regulator's public pages, under /p: the clarifications (辟谣) it published, readable by anyone without signing
// in. `/p/clarifications/:id` is the link platforms put on the items they labelled, so it must open on its own. The
// frame and each screen load only when first opened, as the platform portal's do (web/portal/routes.tsx).
import { lazy, Suspense } from 'react'
import { Navigate, type RouteObject } from 'react-router'
import { FullPageSpin } from '../app/Layout.tsx'
import { RouteError } from '../screens/errors/RouteError.tsx'

const PublicRoot = lazy(() => import('./PublicLayout.tsx'))
const ClarificationListScreen = lazy(() => import('../screens/public/ClarificationListScreen.tsx'))
const ClarificationScreen = lazy(() => import('../screens/public/ClarificationScreen.tsx'))
const SurveyScreen = lazy(() => import('./SurveyScreen.tsx'))
const LearnListScreen = lazy(() => import('../screens/learn/LearnListScreen.tsx'))
const LearnArticleScreen = lazy(() => import('../screens/learn/LearnArticleScreen.tsx'))
const PublicConventionsScreen = lazy(() => import('../screens/conventions/PublicConventionsScreen.tsx'))
const DisclosuresScreen = lazy(() => import('../screens/public/DisclosuresScreen.tsx'))
const PublicNotFound = lazy(() => import('./PublicLayout.tsx').then((m) => ({ default: m.PublicNotFound })))

export const publicRoutes: RouteObject[] = [
  {
    path: '/p',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicRoot />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/p/clarifications" replace /> },
      { path: 'clarifications', element: <ClarificationListScreen /> },
      { path: 'clarifications/:id', element: <ClarificationScreen /> },
      { path: 'survey', element: <SurveyScreen /> },
      { path: 'learn', element: <LearnListScreen /> },
      { path: 'learn/:id', element: <LearnArticleScreen /> },
      { path: 'conventions', element: <PublicConventionsScreen /> },
      { path: 'disclosures', element: <DisclosuresScreen /> },
      { path: '*', element: <PublicNotFound /> },
    ],
  },
]
