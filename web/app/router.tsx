// Routes: the login page, the public portal of a platform node (/u, web/portal/routes.tsx), the public pages of a
// regulator node (/p, web/public-site/routes.tsx), and the signed-in layout holding one route per row of PAGES plus
// a 404.
import { createBrowserRouter } from 'react-router'
import { portalRoutes } from '../portal/routes.tsx'
import { publicReportRoutes } from '../public-report/routes.tsx'
import { publicRoutes } from '../public-site/routes.tsx'
import { NotFoundScreen } from '../screens/errors/NotFoundScreen.tsx'
import { RouteError } from '../screens/errors/RouteError.tsx'
import { LoginScreen } from '../screens/login/LoginScreen.tsx'
import { PageGate, SignedIn } from './Layout.tsx'
import { PAGES } from './pages.ts'

export const router = createBrowserRouter([
  { path: '/login', element: <LoginScreen />, errorElement: <RouteError /> },
  ...portalRoutes,
  ...publicRoutes,
  ...publicReportRoutes,
  {
    element: <SignedIn />,
    errorElement: <RouteError />,
    children: [
      ...PAGES.map((page) => ({
        path: page.path,
        element: <PageGate page={page} />,
        errorElement: <RouteError />,
      })),
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
])
