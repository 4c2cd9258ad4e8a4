// Account credit (A13.3) for staff: the platform's users with their credit (and, for one user, the history and the
// changes `credit.manage` may make), and the credit policy — tiers, what each allows, how events count — with its
// versions. The open tab is kept in the address (`?tab=policy`).
import { Card, Tabs } from 'antd'
import { useSearchParams } from 'react-router'
import { useT } from '../../app/i18n.ts'
import { CreditPolicyTab } from './CreditPolicyTab.tsx'
import { CreditUsersTab } from './CreditUsersTab.tsx'

const TABS = ['users', 'policy'] as const
type TabKey = (typeof TABS)[number]

function isTab(s: string | null): s is TabKey {
  return (TABS as readonly (string | null)[]).includes(s)
}

export default function CreditScreen() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const requested = params.get('tab')
  const tab: TabKey = isTab(requested) ? requested : 'users'
  const open = (key: string) => setParams(key === 'users' ? {} : { tab: key }, { replace: true })
  return (
    <Card title={t('credit.title')}>
      <Tabs
        activeKey={tab}
        onChange={open}
        destroyOnHidden
        items={[
          {
            key: 'users',
            label: <span data-testid="credit-tab-users">{t('credit.tab.users')}</span>,
            children: <CreditUsersTab />,
          },
          {
            key: 'policy',
            label: <span data-testid="credit-tab-policy">{t('credit.tab.policy')}</span>,
            children: <CreditPolicyTab />,
          },
        ]}
      />
    </Card>
  )
}
