// Peers and messages: the nodes this one talks to, what it sent them (the outbox) and what it received (the inbox).
// The open tab is kept in the address (`?tab=outbox`), and a tab that is not open is unmounted, so only the open one
// refreshes.
import { Card, Tabs } from 'antd'
import { useSearchParams } from 'react-router'
import { useT } from '../../app/i18n.ts'
import { InboxTab } from './InboxTab.tsx'
import { OutboxTab } from './OutboxTab.tsx'
import { PeersTab } from './PeersTab.tsx'

const TABS = ['peers', 'outbox', 'inbox'] as const
type TabKey = (typeof TABS)[number]

function isTab(s: string | null): s is TabKey {
  return (TABS as readonly (string | null)[]).includes(s)
}

export default function ProtocolScreen() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const requested = params.get('tab')
  const tab: TabKey = isTab(requested) ? requested : 'peers'
  const open = (key: string) => setParams(key === 'peers' ? {} : { tab: key }, { replace: true })

  return (
    <Card title={t('protocol.title')}>
      <Tabs
        activeKey={tab}
        onChange={open}
        destroyOnHidden
        items={[
          {
            key: 'peers',
            label: <span data-testid="protocol-tab-peers">{t('protocol.tab.peers')}</span>,
            children: <PeersTab onShowOutbox={() => open('outbox')} />,
          },
          {
            key: 'outbox',
            label: <span data-testid="protocol-tab-outbox">{t('protocol.tab.outbox')}</span>,
            children: <OutboxTab />,
          },
          {
            key: 'inbox',
            label: <span data-testid="protocol-tab-inbox">{t('protocol.tab.inbox')}</span>,
            children: <InboxTab />,
          },
        ]}
      />
    </Card>
  )
}
