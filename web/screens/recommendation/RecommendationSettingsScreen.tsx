// The user's own choice in recommendation (A14): one switch for personalisation, which the next feed request follows;
// the interest tags the platform derived from their views, likes and replies, each deletable, and a reset; and the
// rules the platform publishes for its recommendation.
import { DeleteOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, List, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../app/i18n.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { RequireUser } from '../../portal/userSession.tsx'
import {
  MAX_ENCOURAGE_BOOST,
  useDeleteInterest,
  useFeedSetting,
  useInterests,
  usePublicModel,
  useResetInterests,
  useSetFeedSetting,
} from './recommendationApi.ts'
import { useRT } from './strings.ts'

export default function RecommendationSettingsScreen() {
  return (
    <RequireUser>
      <Settings />
    </RequireUser>
  )
}

function Settings() {
  const rt = useRT()
  const t = useT()
  const { message } = App.useApp()
  const setting = useFeedSetting()
  const setSetting = useSetFeedSetting()
  const interests = useInterests()
  const del = useDeleteInterest()
  const reset = useResetInterests()
  usePortalTitle(rt('settings.title'))
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="recommendation-settings">
      <Link to="/u">{t('content.backToFeed')}</Link>
      <Card title={rt('settings.title')}>
        <Typography.Paragraph type="secondary">{rt('settings.intro')}</Typography.Paragraph>
        {setting.isError ? <ErrorAlert error={setting.error} onRetry={() => setting.refetch()} /> : null}
        <Space>
          <Typography.Text strong>{rt('settings.switch')}</Typography.Text>
          <Switch
            data-testid="personalise-switch"
            loading={setting.isPending || setSetting.isPending}
            checked={setting.data?.personalised ?? true}
            checkedChildren={rt('settings.on')}
            unCheckedChildren={rt('settings.off')}
            onChange={(on) =>
              setSetting.mutate(on, {
                onSuccess: () => void message.success(rt('settings.saved')),
                onError: (e) => void message.error(e.message),
              })
            }
          />
        </Space>
      </Card>
      <Card
        title={rt('settings.interests')}
        loading={interests.isPending}
        extra={
          interests.data?.length ? (
            <Popconfirm
              title={rt('settings.resetConfirm')}
              onConfirm={() =>
                reset
                  .mutateAsync()
                  .then((r) => void message.success(rt('settings.resetDone', { n: r.deleted })))
              }
            >
              <Button danger size="small" data-testid="interests-reset" loading={reset.isPending}>
                {rt('settings.reset')}
              </Button>
            </Popconfirm>
          ) : null
        }
      >
        {interests.isError ? (
          <ErrorAlert error={interests.error} onRetry={() => interests.refetch()} />
        ) : null}
        {interests.data && interests.data.length === 0 ? (
          <Empty description={rt('settings.interestsEmpty')} data-testid="interests-empty" />
        ) : (
          <List
            data-testid="interests"
            dataSource={interests.data ?? []}
            rowKey="tag"
            renderItem={(i) => (
              <List.Item
                data-testid={`interest-${i.tag}`}
                actions={[
                  <Button
                    key="del"
                    size="small"
                    icon={<DeleteOutlined />}
                    data-testid={`interest-delete-${i.tag}`}
                    loading={del.isPending && del.variables === i.tag}
                    onClick={() =>
                      del.mutate(i.tag, {
                        onSuccess: () => void message.success(rt('settings.deleted', { tag: i.tag })),
                      })
                    }
                  >
                    {rt('settings.delete')}
                  </Button>,
                ]}
              >
                <Space>
                  <Tag color="blue">{i.tag}</Tag>
                  <Typography.Text type="secondary">
                    {rt('settings.weight', { weight: i.weight.toFixed(2) })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <PublishedModel />
    </Space>
  )
}

function PublishedModel() {
  const rt = useRT()
  const model = usePublicModel()
  if (model.isError) return <ErrorAlert error={model.error} onRetry={() => model.refetch()} />
  const doc = model.data?.document
  return (
    <Card
      title={rt('settings.model')}
      loading={model.isPending}
      extra={
        model.data ? (
          <Tag>
            {model.data.version === 0
              ? rt('feed.modelBuiltIn')
              : rt('feed.model', { version: model.data.version })}
          </Tag>
        ) : null
      }
      data-testid="published-model"
    >
      {doc ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            {rt('settings.modelIntro', {
              boost: `${Math.round(doc.encourageBoost * 100)}%（≤ ${MAX_ENCOURAGE_BOOST * 100}%）`,
              prevent: doc.preventFactor,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph data-testid="model-rules">
            {doc.maxPerAuthor ? rt('model.perAuthor', { n: doc.maxPerAuthor }) : rt('model.perAuthorNone')}
            {'；'}
            {doc.weights.interestHalfLifeDays
              ? rt('model.interestFade', { days: doc.weights.interestHalfLifeDays })
              : rt('model.interestFadeNone')}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="tag"
            dataSource={doc.topics}
            columns={[
              {
                title: rt('settings.topics'),
                dataIndex: 'tag',
                render: (tag: string, r) => (
                  <Space>
                    {tag}
                    {r.encourage ? <Tag color="green">{rt('settings.encourageTopic')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: rt('model.col.terms'),
                dataIndex: 'terms',
                render: (terms: string[]) => terms.join('、'),
              },
            ]}
          />
        </Space>
      ) : null}
    </Card>
  )
}
