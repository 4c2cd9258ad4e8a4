// The public report pages of a regulator node (A18), outside the staff console: /p/report (the form) and
// /p/report/status (the lookup by tracking code). A layout route without a path of its own, so that other pages
// under /p keep their own frames; everything here loads only when first opened.
import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { FullPageSpin } from '../app/Layout.tsx'
import { RouteError } from '../screens/errors/RouteError.tsx'

const Frame = lazy(() => import('./PublicReportFrame.tsx'))
const ReportFormScreen = lazy(() => import('./ReportFormScreen.tsx'))
const ReportStatusScreen = lazy(() => import('./ReportStatusScreen.tsx'))

export const publicReportRoutes: RouteObject[] = [
  {
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <Frame />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/p/report', element: <ReportFormScreen /> },
      { path: '/p/report/status', element: <ReportStatusScreen /> },
    ],
  },
]
