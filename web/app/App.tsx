// The console's root: antd theme and locale in the chosen language, React Query, and the router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { RouterProvider } from 'react-router/dom'
import { ApiError, setUnauthorizedHandler } from './api.ts'
import { useLang } from './i18n.ts'
import { router } from './router.tsx'
import { endSession } from './session.tsx'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a network hiccup or a 5xx may.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
})

// A 401 from any call but the login means the session is gone: forget the person, and the signed-in layout sends
// the browser to the login page, which says the session expired.
setUnauthorizedHandler(() => endSession(queryClient))

export function App() {
  const lang = useLang()
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1d6b57' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  )
}
