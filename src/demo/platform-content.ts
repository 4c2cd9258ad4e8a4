// Demo content of the platforms: the rules and agreements a user of 通化同城圈 or 鸭绿江短视频 reads and accepts.
// Written for the demo; it follows the measures but is not legal advice.
import type { LexiconEntry } from '../engine/index.ts'
import type { PublishRuleInput } from '../platform/rules/index.ts'

export function demoRuleDocuments(platformZh: string, platformEn: string): PublishRuleInput[] {
  return [
    {
      kind: 'management_rules',
      titleZh: `${platformZh}信息内容管理规则`,
      titleEn: `${platformEn} content management rules`,
      changeNote: '首次发布 / first publication',
      bodyZh: `第一条 为维护清朗网络空间，依据《通化市网络虚假信息治理办法》等规定，制定本规则。
第二条 用户须完成实名认证后方可发布信息、跟帖评论、发送弹幕和即时消息（办法第十三条第二款）。
第三条 禁止编造、复制、发布、传播扰乱经济秩序和社会秩序、侵害他人名誉和隐私的虚假信息（办法第十一条第一款）。例如捏造“通化某小区自来水被污染”“梅河口某医院发生疫情”等未经核实的消息。
第四条 含有虚构情节或演绎内容的信息，应当在发布时添加“虚构/演绎”标签（办法第十一条第二款）。
第五条 平台对发布的信息先行审核，对高风险信息先审后发，并对已发布信息实时巡查（办法第十二条第一款）。
第六条 经核实为虚假信息的，平台将立即停止传输、消除，防止扩散，保存记录，并向主管部门报告（办法第十六条）。
第七条 平台实行账号信用管理，信用等级影响发布、推荐和即时通信等服务（办法第十三条第三款）。
第八条 用户可通过每条信息旁的“举报”入口投诉举报，平台在公布的时限内处理并反馈结果（办法第十五条）。`,
      bodyEn: `1. These rules keep the platform's online space clear, under the Tonghua City measures on online false information.
2. Users verify their real identity before publishing, commenting, sending bullet comments or messages (A13.2).
3. Making, copying, publishing or spreading false information that disturbs economic or social order or infringes reputation or privacy is prohibited (A11.1) — for example an invented "tap water poisoned in a Tonghua estate" or "an epidemic at a Meihekou hospital".
4. Content with fictional plots or dramatisation carries a "fiction / dramatisation" label when it is published (A11.2).
5. The platform screens what is published, reviews high-risk content before it appears, and patrols what is already published (A12.1).
6. Information confirmed false is stopped and removed at once, kept from spreading, recorded, and reported to the authorities (A16).
7. Account credit decides what an account may do: publishing, recommendation and messaging (A13.3).
8. Every item has a "report" entry; reports are handled within the published time limits and the reporter is told the outcome (A15).`,
    },
    {
      kind: 'convention',
      titleZh: `${platformZh}社区公约`,
      titleEn: `${platformEn} community convention`,
      changeNote: '首次发布 / first publication',
      bodyZh: `我们共同约定：
一、说真话，传实情。转发前先核实，不信谣、不传谣，关注“通化网信”等权威发布。
二、讲文明，守秩序。跟帖评论、发送弹幕不辱骂、不人身攻击、不刷屏。
三、爱家乡，讲好通化故事。欢迎分享通化的红色文化、长白山自然风光、集安高句丽遗迹、葡萄酒和人参等地方特色（办法第九条）。
四、创作有边界。剧情演绎、段子、小说请主动标注“虚构/演绎”。
五、发现谣言请举报，共同守护清朗空间。`,
      bodyEn: `Together we agree:
1. Tell the truth. Check before you share; do not believe or pass on rumours; follow official sources such as Tonghua Cyberspace.
2. Be civil. No abuse, personal attacks or flooding in comments and bullet comments.
3. Love our home town: share Tonghua's red heritage, Changbai Mountain's nature, the Koguryo sites of Ji'an, local wine and ginseng (A9).
4. Creativity has limits: label plays, skits and stories as "fiction / dramatisation".
5. Report rumours when you see them, and keep this space clear.`,
    },
    {
      kind: 'user_agreement',
      titleZh: `${platformZh}用户服务协议`,
      titleEn: `${platformEn} user agreement`,
      changeNote: '首次发布 / first publication',
      bodyZh: `一、用户以手机号注册，并在发布信息前提供真实身份信息完成认证；平台依法加密保存，不对外展示，前台名称由用户自愿设定。
二、用户享有发布、评论、举报、申诉和关闭个性化推荐的权利。
三、用户应遵守《通化市网络虚假信息治理办法》、平台管理规则和社区公约，对所发布的信息负责。
四、平台依据规则处置违规信息并记录账号信用；处置结果和理由告知用户，用户可在规定期限内申诉。
五、平台的治理记录保存于防篡改账本，依法接受网信等部门的监督检查。`,
      bodyEn: `1. Users register with a mobile number and verify their real identity before publishing; the platform keeps it encrypted as the law requires and never shows it; the display name is the user's own choice.
2. Users may publish, comment, report, appeal, and turn personalised recommendation off.
3. Users follow the Tonghua measures, the management rules and the convention, and answer for what they publish.
4. The platform handles violations under its rules and records account credit; it tells the user the outcome and the reason, and the user may appeal within the time allowed.
5. The platform's governance records are kept in a tamper-evident ledger, open to inspection by the cyberspace administration and other authorities.`,
    },
  ]
}

/**
 * The demo rule set: a small lexicon about Tonghua, written for the demo. Invented disasters and fake official
 * notices are prohibited (A11.1); panic and clickbait phrasing is guarded against (A14); the region's red culture,
 * mountains and history are encouraged (A9); cues of fiction or dramatisation ask for the label (A11.2).
 */
export const DEMO_LEXICON: LexiconEntry[] = [
  { term: '浑江水库溃坝', category: 'prohibit', severity: 3, basis: ['A11.1'], except: ['溃坝演练'] },
  { term: '通化将发生大地震', category: 'prohibit', severity: 3, basis: ['A11.1'] },
  { term: '全市封城', category: 'prohibit', severity: 3, basis: ['A11.1'], except: ['不会全市封城'] },
  { term: '辐射泄漏', category: 'prohibit', severity: 2, basis: ['A11.1', 'A12.1'], sound: true },
  { term: '政府内部消息', category: 'prohibit', severity: 2, basis: ['A11.1'] },
  {
    term: '红头文件',
    category: 'prohibit',
    severity: 2,
    basis: ['A11.1'],
    requires: ['紧急', '内部', '截图'],
    window: 20,
  },
  { term: '抢购食盐', category: 'prohibit', severity: 1, basis: ['A11.1'] },
  { term: '不转不是通化人', category: 'prevent', severity: 3, basis: ['A14'] },
  { term: '震惊', category: 'prevent', severity: 1, basis: ['A14'] },
  { term: '红色文化', category: 'encourage', severity: 1, basis: ['A9'] },
  { term: '杨靖宇', category: 'encourage', severity: 1, basis: ['A9'] },
  { term: '长白山', category: 'encourage', severity: 1, basis: ['A9'] },
  { term: '集安', category: 'encourage', severity: 1, basis: ['A9'] },
  { term: '高句丽', category: 'encourage', severity: 1, basis: ['A9'] },
  { term: '剧情', category: 'prevent', severity: 1, basis: ['A11.2'], fiction: true },
  { term: '演绎', category: 'prevent', severity: 1, basis: ['A11.2'], fiction: true },
  { term: '段子', category: 'prevent', severity: 1, basis: ['A11.2'], fiction: true },
]

/** Invented false claims about Tonghua, refuted in the demo's own (invented) notices. */
export const DEMO_FALSE_CLAIMS: { text: string; source: string }[] = [
  {
    text: '通化市自来水公司紧急通知：浑江上游发生化工原料泄漏，全市自来水已被污染，三天内不要饮用自来水',
    source: '通化市水务集团辟谣声明（演示） / Tonghua water group clarification (demo)',
  },
  {
    text: '梅河口市明天起全城封控，所有超市停业，请市民尽快囤积粮食和食盐',
    source: '梅河口市人民政府新闻办辟谣（演示） / Meihekou press office clarification (demo)',
  },
  {
    text: '长白山天池火山出现喷发前兆，专家称今年内必然喷发，周边县城居民须立即撤离',
    source: '吉林省地震局辟谣（演示） / Jilin earthquake bureau clarification (demo)',
  },
]

/** Demo users of the platforms (display names only; their identities are computed test numbers). */
export const DEMO_USERS: {
  phone: string
  displayName: string
  realName: string
  division: string
  birth: string
}[] = [
  {
    phone: '13904350101',
    displayName: '浑江边的老王',
    realName: '王德顺',
    division: '220502',
    birth: '19640312',
  },
  {
    phone: '13604350202',
    displayName: '集安小葡萄',
    realName: '李雪梅',
    division: '220582',
    birth: '19910825',
  },
  {
    phone: '18743500303',
    displayName: '靖宇山里人',
    realName: '赵长林',
    division: '220622',
    birth: '19780106',
  },
  // Two accounts that forwarded rumours in the demo's stories: their credit shows what disposals cost.
  {
    phone: '15604350404',
    displayName: '东昌消息通',
    realName: '孙海波',
    division: '220502',
    birth: '19850419',
  },
  {
    phone: '13134350505',
    displayName: '梅河口转发达人',
    realName: '周丽娟',
    division: '220581',
    birth: '19930707',
  },
]

/**
 * The patrol of the demo: a post published three days ago under the first rule set, then a second version that adds
 * the term it uses — the patrol finds the old post and sends it to review.
 */
export const DEMO_PATROL = {
  daysAgo: 3,
  author: 1,
  text: '东昌区好几个小区的自来水有毒，已经有人喝了住院，大家这几天千万别喝自来水！',
  term: { term: '自来水有毒', category: 'prohibit', severity: 2, basis: ['A11.1', 'A12.1'] } as LexiconEntry,
  label: '通化本地词库 第2版',
  note: '新增“自来水有毒”：东昌区供水谣言在本地群传播 / adds a water-supply rumour spreading in local groups',
}

/** Demo items: who (index into DEMO_USERS) publishes what. */
export const DEMO_POSTS: {
  author: number
  kind: 'post' | 'comment'
  /** For a comment: the index of the post (in this list) it answers. */
  on?: number
  text: string
  fictionDeclared?: boolean
}[] = [
  {
    author: 0,
    kind: 'post',
    text: '今天去杨靖宇烈士陵园扫墓，带孩子听讲解员讲东北抗联的故事，通化的红色文化值得一代代传下去。',
  },
  {
    author: 1,
    kind: 'post',
    text: '集安的山葡萄熟了，周末去看了高句丽王城遗址，秋天的鸭绿江边真美，推荐大家来走走。',
  },
  {
    author: 2,
    kind: 'post',
    text: '短剧《长白山下的守林人》第三集：老林头在暴雪夜里救下迷路的驴友，故事纯属虚构，欢迎大家追更。',
    fictionDeclared: true,
  },
  { author: 1, kind: 'comment', on: 0, text: '说得好，下次带家里老人一起去，陵园的讲解很用心。' },
  {
    author: 2,
    kind: 'comment',
    on: 1,
    text: '听说二道江那边辐射泄漏了，有没有人知道真假？',
  },
]

/**
 * Reports and disposal (A15, A16), written for the demo. `handled`: a rumor and its copies, reported by two users;
 * a reviewer upheld the reports and confirmed the claim, the sweep stopped and labelled every copy, the reporters
 * were told, and the original's author appealed (waiting for someone other than that reviewer). `open`: a second
 * rumor with copies, reported and waiting in the queue, for a newcomer to confirm and watch the sweep.
 */
export const DEMO_DISPOSAL = {
  handled: {
    author: 3,
    text: '通化市区所有加油站明天起停止营业三天，油罐车都被调走了，今晚赶紧去把车加满油',
    copies: [
      {
        author: 4,
        kind: 'post' as const,
        text: '通化市區所有加油站明天起停止營業三天，油罐車都被調走了，今晚趕緊去把車加滿油',
      },
      {
        author: 3,
        kind: 'comment' as const,
        text: '⛽通化市区所有加油站明天起停止营业三天⛽油罐车都被调走了，今晚赶紧去把车加满油！！',
      },
      {
        author: 4,
        kind: 'danmaku' as const,
        text: '通化市区所有加油站明天起停止营业三天，今晚赶紧去把车加满油',
      },
    ],
    reporters: [1, 2],
    reason: '经市商务局核实，全市加油站正常营业，油品供应充足，系谣言',
    clarificationUrl: 'https://www.tonghua.gov.cn/piyao/demo-jiayouzhan',
    clarificationTitle: '关于“通化加油站停业三天”的辟谣',
    appeal: '我是看到群里转发的，不知道是假的，发出来是想问问大家，不是故意造谣，请求恢复。',
  },
  open: {
    author: 4,
    text: '听物业群里说东昌区江东一带今晚十点开始停电停水两天，说是管网大修，大家赶紧接水充电',
    copies: [
      {
        author: 3,
        kind: 'post' as const,
        text: '转：“听物业群里说东昌区江东一带今晚十点开始停电停水两天，说是管网大修，大家赶紧接水充电”，有江东的朋友确认一下吗？',
      },
      {
        author: 4,
        kind: 'comment' as const,
        text: '聽物業群裡說東昌區江東一帶今晚十點開始停電停水兩天，說是管網大修，大家趕緊接水充電',
      },
    ],
    reporter: 0,
    note: '我就住江东，物业没有发过任何停水停电通知，供电所也说没有检修计划',
  },
}

/**
 * The regulator's day in the demo (A7, A19), written for the demo: a hospital rumour circulating on both platforms,
 * clarified by the city CAC with the health commission co-signing; an order that platform B executed; an order
 * waiting on platform A for a newcomer to execute.
 */
export const DEMO_REGULATOR = {
  rumour: {
    text: '通化市中心医院发现多例不明原因传染病患者，医院已经全面封锁，医生护士都被隔离了，近期千万不要去医院',
    variant:
      '通化市中心醫院發現多例不明原因傳染病患者，醫院已經全面封鎖，醫生護士都被隔離了，近期千萬不要去醫院',
    authors: [3, 4],
  },
  clarification: {
    title: '关于“通化市中心医院发现不明原因传染病、全面封锁”的辟谣',
    body: '经通化市卫生健康委员会核实，通化市中心医院未发现不明原因传染病病例，医院未封锁，医务人员工作正常，门诊、急诊和住院服务照常开放。网传信息系谣言，请广大市民不信谣、不传谣。',
    reportedHoursAgo: 5,
  },
  executedOrder: {
    author: 3,
    text: '紧急扩散：二道江区某小学食堂饭菜有毒，十几个孩子中毒送医，学校正在封锁消息',
    basis: '《通化市网络虚假信息治理办法》第十九条',
    reason: '经二道江区教育局、卫健局核实，该校未发生食物中毒事件，系编造的虚假信息',
  },
  pendingOrder: {
    claim: '通化市明天起全市机动车单双号限行一个月，违者罚款两千元，赶紧告诉身边开车的人',
    basis: '《通化市网络虚假信息治理办法》第十九条',
    reason: '市公安局交警支队已核实：无限行计划，系谣言；请清除全部转发',
    hoursToDeadline: 48,
  },
  inspection: {
    days: 30,
    reason: '例行监督检查：近三十日审核力量配备、投诉举报受理办理、谣言处置和用户申诉情况',
  },
}
