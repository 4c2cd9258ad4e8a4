// Recommendation in the demo (A14, A9), once per platform: the model published with Tonghua's encouraged topics; a
// few more posts of every kind (a weather warning, a bus notice, a volunteer story, a clickbait post); operators'
// interventions — the weather warning pinned, the volunteer story boosted, a rumour-spreading account demoted — and
// the everyday users' views and likes, so that each has interest tags and a personalised feed with its reasons.
import { transaction } from '../core/db/index.ts'
import { listUsers } from '../platform/accounts/index.ts'
import { publishContent, recommendablePosts } from '../platform/content/index.ts'
import {
  addIntervention,
  currentModel,
  DEFAULT_RECOMMENDATION_MODEL,
  publishModel,
} from '../platform/recommendation/index.ts'
import type { RunningNode } from '../server/start.ts'
import { DEMO_USERS } from './platform-content.ts'
import { staffActor } from './regulator-work.ts'

/** Posts of the recommendation demo: who (index into DEMO_USERS) writes what, and what becomes of it. */
export const DEMO_FEED_POSTS = {
  weather: {
    author: 0,
    text: '通化市气象台发布暴雪蓝色预警：今夜到明天白天东昌区、二道江区、通化县有中到大雪，请减少不必要出行，注意防滑。',
  },
  bus: { author: 1, text: '明早起东昌区新华大街改造施工，3路、5路公交临时改道，出门请留意路况。' },
  volunteer: {
    author: 2,
    text: '柳河县的志愿者冒雪给独居老人送去过冬的白菜和煤，好人好事值得点赞！',
  },
  dragon: { author: 1, text: '辉南三角龙湾的雾凇出来了，早上七点光线最好，拍照的朋友抓紧。' },
  clickbait: { author: 2, text: '震惊！通化人冬天都这样吃酸菜，外地人看完都不淡定了' },
} as const

export async function seedRecommendation(node: RunningNode): Promise<void> {
  const { app, database } = node
  if ((await transaction(database.db, (tx) => currentModel(tx))).version > 0) return
  const operator = await staffActor(node, 'operator')
  const users = await transaction(database.db, (tx) => listUsers(tx, { limit: 50, offset: 0 }))
  const idOf = (i: number) => users.find((u) => u.displayName === DEMO_USERS[i]?.displayName)?.id
  if (DEMO_USERS.some((_, i) => !idOf(i))) return

  await transaction(database.db, async (tx) => {
    await publishModel(tx, operator, {
      document: DEFAULT_RECOMMENDATION_MODEL,
      note: '首次发布：第九条鼓励类话题（红色传承、历史文化、自然风光、民俗特产、正能量）加权 10%，应防范内容降为 30%，禁止类与不实信息一律不推荐',
    })
  })
  const ids: Record<string, string> = {}
  for (const [key, p] of Object.entries(DEMO_FEED_POSTS)) {
    const item = await transaction(database.db, (tx) =>
      publishContent(tx, app.screening, idOf(p.author) ?? '', { kind: 'post', text: p.text }),
    )
    ids[key] = item.id
  }
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
  await transaction(database.db, async (tx) => {
    if (ids.weather)
      await addIntervention(tx, operator, {
        targetKind: 'item',
        target: ids.weather,
        action: 'pin',
        reason: '市气象台暴雪预警，关系群众出行安全，置顶三天',
        expiresAt: days(3),
      })
    if (ids.volunteer)
      await addIntervention(tx, operator, {
        targetKind: 'item',
        target: ids.volunteer,
        action: 'boost',
        factor: 2,
        reason: '柳河县志愿服务正能量典型，加权一周',
        expiresAt: days(7),
      })
    const spreader = idOf(3)
    if (spreader)
      await addIntervention(tx, operator, {
        targetKind: 'author',
        target: spreader,
        action: 'demote',
        factor: 3,
        reason: '该账号多次转发经核实的不实信息，推荐降权三十天',
        expiresAt: days(30),
      })
  })
  // the everyday users' reading: each gets interest tags from what they viewed and liked
  const earlier = await transaction(database.db, (tx) =>
    recommendablePosts(tx, new Date(Date.now() - 7 * 86_400_000), 200),
  )
  const about = (word: string) => earlier.find((r) => r.text.includes(word))?.id ?? ''
  const readings: [number, string, 'view' | 'like'][] = [
    [0, about('杨靖宇烈士陵园'), 'like'],
    [0, ids.volunteer ?? '', 'like'],
    [0, ids.weather ?? '', 'view'],
    [1, ids.dragon ?? '', 'like'],
    [1, about('高句丽王城'), 'view'],
    [1, ids.bus ?? '', 'view'],
    [2, ids.weather ?? '', 'view'],
    [2, ids.dragon ?? '', 'view'],
  ]
  for (const [u, item, kind] of readings) {
    const userId = idOf(u)
    if (!userId || !item) continue
    await transaction(database.db, (tx) => app.feeds.interact(tx, userId, item, kind))
  }
  app.feeds.invalidate()
}
