// Referrals, individuals, conventions and public education in the demo, once (A20, A21, A10, A6): the CAC refers the
// tap-water rumour's author to public security (received and filed), with the author as an individual party whose
// identity is sealed and whose outcome links the referral; hands the same rumour's harm to the public interest to the
// procuratorate, which has sent the health commission a procuratorial suggestion; publishes the platforms' self-discipline convention
// (platform A has signed it, platform B not yet) and three education articles for /p/learn.
import { transaction } from '../core/db/index.ts'
import { getOrganisationByKey } from '../core/organisations/index.ts'
import { listReceivedConventions, signConvention } from '../platform/conventions/index.ts'
import { listCases } from '../regulator/cases/index.ts'
import { publishConvention } from '../regulator/conventions/index.ts'
import { listArticles, publishArticle } from '../regulator/education/index.ts'
import {
  addCaseIndividual,
  individualIdentityKey,
  recordIndividualOutcome,
  recordReferralStep,
  sendReferral,
} from '../regulator/referrals/index.ts'
import type { RunningNode } from '../server/start.ts'
import { staffActor } from './regulator-work.ts'

const ARTICLES = [
  {
    topic: 'spot_rumours' as const,
    titleZh: '三步识别网络谣言',
    titleEn: 'Three steps to spot an online rumour',
    summaryZh: '看来源、查权威、等通报：遇到“内部消息”“紧急扩散”先别转。',
    summaryEn:
      'Check the source, look for official word, wait for the bulletin: do not forward “urgent inside news” at once.',
    bodyZh:
      '一看来源。“朋友的亲戚在医院上班”“内部消息”“某群里说的”，说不出具体来源的信息，多半经不起推敲。\n' +
      '二查权威。涉及东昌区、二道江区及通化县、辉南县、柳河县、梅河口市、集安市的突发事件，以市、县政府和有关部门发布的信息为准，' +
      '也可以在本站“辟谣”栏目查询。\n' +
      '三等通报。图片、视频可能是旧闻新发、移花接木；标注“紧急扩散”“不转不是通化人”的，更要冷静。\n' +
      '拿不准的信息，不评论、不转发，可以向平台或本办举报。',
    bodyEn:
      'First, the source: “a friend’s relative at the hospital” or “inside news” with no source named rarely holds up.\n' +
      'Second, official word: for events in Tonghua’s districts and counties, rely on what the city and county governments ' +
      'and their departments publish, or search the clarifications on this site.\n' +
      'Third, wait for the bulletin: pictures and videos may be old or from elsewhere; “forward urgently” is a reason to slow down.\n' +
      'If unsure, do not comment or forward; report it to the platform or to us.',
  },
  {
    topic: 'how_to_report' as const,
    titleZh: '发现网络谣言，怎样举报',
    titleEn: 'How to report an online rumour',
    summaryZh: '在平台内举报，或在本站“我要举报”提交；凭查询码查看处理结果，举报人信息严格保密。',
    summaryEn:
      'Report on the platform, or here under “Report”; follow it with your tracking code. Your identity is kept confidential.',
    bodyZh:
      '在平台上：点击内容旁的“举报”，选择“虚假信息”类别，平台会告知受理编号和处理期限，并反馈处理结果。\n' +
      '向本办举报：打开本站“我要举报”，填写平台、链接和情况说明，可以上传截图。提交后请保存查询码，凭查询码查看处理进度。\n' +
      '您留下的姓名和联系方式加密保存，只有经批准的工作人员在必要时才能查看，每次查看都有记录（《通化市网络虚假信息治理办法》第十八条）。',
    bodyEn:
      'On a platform: tap “Report” beside the content and choose “false information”; the platform gives a number and a deadline and tells you the outcome.\n' +
      'To us: open “Report” on this site, give the platform, link and what you saw, with screenshots if you have them. Keep the tracking code to follow it.\n' +
      'Your name and contact are sealed; only approved staff may open them when needed, and every opening is recorded (art. 18 of the Tonghua measures).',
  },
  {
    topic: 'measures' as const,
    titleZh: '《通化市网络虚假信息治理办法》要点解读',
    titleEn: 'The Tonghua measures on online false information, explained',
    summaryZh: '办法自公布之日起施行：任何人不得制作、传播虚假信息；平台负主体责任；个人违法依法追究责任。',
    summaryEn:
      'In force since publication: no one may make or spread false information; platforms bear primary responsibility; individuals answer under the law.',
    bodyZh:
      '第十一条：任何组织和个人不得利用网络制作、复制、发布和传播虚假信息扰乱经济秩序和社会秩序，或者侵害他人名誉、隐私和其他合法权益；' +
      '以虚构情节、歪曲事实等方式创作的内容应当显著标注“虚构”“演绎”。\n' +
      '第十二条至第十六条：平台履行信息内容管理主体责任，建立用户注册、账号管理、信息发布审核、跟帖评论审核、实时巡查、应急处置等制度，' +
      '设置便捷的投诉举报入口，发现虚假信息立即停止传输、消除并报告。\n' +
      '第二十一条：个人违反规定构成犯罪的，依法追究刑事责任；尚不构成犯罪的，由有关主管部门依法处罚。',
    bodyEn:
      'Art. 11: no one may use the network to make, copy, publish or spread false information that disturbs economic or social order or infringes others’ rights; fiction and dramatisation must be labelled.\n' +
      'Arts. 12–16: platforms bear primary responsibility — registration, accounts, review of posts and comments, patrols, emergency handling — keep a prominent report entry, and on finding false information stop it, remove it and report.\n' +
      'Art. 21: an individual whose violation is a crime answers under criminal law; otherwise the competent authorities punish it under the applicable laws.',
  },
]

const CONVENTION = `第一条 为加强通化市网络信息服务行业自律，共同治理网络虚假信息，根据《通化市网络虚假信息治理办法》，制定本公约。
第二条 成员平台落实信息内容管理主体责任，配备与业务规模相适应的审核人员。
第三条 成员平台对涉及通化市各县（市、区）突发事件、公共卫生、食品安全的信息从严审核，发现虚假信息立即停止传输、消除，并向市网信办报告。
第四条 成员平台收到市网信办发布的辟谣信息后，及时对相关信息作出标注、限制传播，并推送辟谣内容。
第五条 成员平台畅通投诉举报渠道，及时处理并反馈结果。
第六条 成员平台相互通报虚假信息线索，不传播、不炒作未经核实的信息。`

export async function seedReferrals(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  if (!regulator) return
  const db = regulator.database.db
  if ((await transaction(db, (tx) => listArticles(tx, 1))).length > 0) return
  const officer = await staffActor(regulator, 'cac.officer')
  for (const a of ARTICLES) await transaction(db, (tx) => publishArticle(tx, officer, a))

  // the convention, signed by platform A once it has arrived
  const convention = await transaction(db, (tx) =>
    publishConvention(tx, officer, regulator.protocol, {
      key: 'tonghua-platform-self-discipline',
      title: '通化市网络信息服务平台自律公约',
      body: CONVENTION,
    }),
  )
  await regulator.protocol.deliverDue()
  const platformA = nodes.find((n) => n.config.node.id === 'platform-a')
  if (
    platformA &&
    (await listReceivedConventions(platformA.database.db)).some((c) => c.id === convention.id)
  ) {
    const admin = await staffActor(platformA, 'admin')
    await transaction(platformA.database.db, (tx) =>
      signConvention(tx, admin, platformA.protocol, convention.id),
    )
    await platformA.protocol.deliverDue()
  }

  // a criminal referral of the tap-water rumour's author, received and filed by public security
  const cases = await transaction(db, (tx) => listCases(tx, officer, { status: 'open', limit: 50 }))
  const water = cases.find((c) => c.countyCode === '220502') ?? cases[0]
  if (!water) return
  const police = await staffActor(regulator, 'police.officer')
  const key = individualIdentityKey(regulator.app.secrets.masterKey)
  const referral = await transaction(db, (tx) =>
    sendReferral(tx, officer, {
      caseId: water.id,
      kind: 'criminal',
      reason:
        '经查，当事人甲在本地生活群编造“东昌区自来水有毒”的虚假疫情、险情信息并在多个平台传播，造成部分群众抢购桶装水，' +
        '涉嫌编造、故意传播虚假信息罪，依法移送市公安局。',
      materials: [
        {
          kind: 'document',
          title: '市卫健委出厂水及管网末梢水检测报告',
          ref: '通卫检〔2026〕118号',
        },
      ],
    }),
  )
  await transaction(db, (tx) => recordReferralStep(tx, police, referral.id, 'manage', { step: 'receive' }))
  await transaction(db, (tx) =>
    recordReferralStep(tx, police, referral.id, 'manage', {
      step: 'file',
      note: '经审查，认为有犯罪事实，需要追究刑事责任，决定立案侦查。',
    }),
  )
  const person = await transaction(db, (tx) =>
    addCaseIndividual(tx, officer, key, water.id, {
      label: '当事人甲',
      realName: '孟庆森',
      idNumber: '220502198807150317',
      countyCode: '220502',
      conduct: '在东昌区本地生活群发布“自来水有毒、喝了会中毒”的信息并配旧图，被转发一千余次',
    }),
  )
  await transaction(db, (tx) =>
    recordIndividualOutcome(tx, officer, key, water.id, person.id, {
      outcome: 'criminal_referral',
      lawIds: ['cl-291-1-2', 'tonghua-11'],
      competentOrgan: '通化市公安局',
      referralId: referral.id,
    }),
  )

  // the same rumour's harm to the public interest handed to the procuratorate, which has sent the health commission a
  // procuratorial suggestion to publish the water-quality results regularly
  const pi = await transaction(db, (tx) =>
    sendReferral(tx, officer, {
      caseId: water.id,
      kind: 'public_interest',
      reason:
        '“自来水有毒”谣言引发东昌区部分群众抢购桶装水，供水水质检测结果未及时向社会公开，社会公共利益受到影响，移送市人民检察院。',
    }),
  )
  const procurator = await staffActor(regulator, 'procurator')
  await transaction(db, (tx) => recordReferralStep(tx, procurator, pi.id, 'procurate', { step: 'receive' }))
  const health = await transaction(db, (tx) => getOrganisationByKey(tx, 'health'))
  await transaction(db, (tx) =>
    recordReferralStep(tx, procurator, pi.id, 'procurate', {
      step: 'suggest',
      addresseeOrganisationId: health.id,
      note: '建议定期向社会公开东昌区出厂水和管网末梢水检测结果，会同网信部门做好辟谣解读，并在两个月内书面回复。',
    }),
  )
}
