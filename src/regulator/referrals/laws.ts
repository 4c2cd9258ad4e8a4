// The law applied to individuals who make or spread false information (A21: 依法追究刑事责任，或者依照其他法律处罚).
// Editable data: an entry is added or corrected here, never inferred. Article numbers were written from memory and
// are marked `verified: false` until checked against an official text; the console shows the mark.

export type IndividualOutcome = 'administrative_penalty' | 'criminal_referral' | 'civil' | 'no_violation'
export const INDIVIDUAL_OUTCOMES: readonly IndividualOutcome[] = [
  'administrative_penalty',
  'criminal_referral',
  'civil',
  'no_violation',
]

export interface LawProvision {
  id: string
  /** Which outcome it grounds. */
  kind: 'administrative' | 'criminal' | 'civil' | 'local'
  citation: string
  summaryZh: string
  summaryEn: string
  /** Who applies it. */
  competentOrganZh: string
  verified: boolean
  noteZh: string
}

export const INDIVIDUAL_LAWS: readonly LawProvision[] = [
  {
    id: 'psapl-rumour',
    kind: 'administrative',
    citation: '《中华人民共和国治安管理处罚法》（2012年修正）第二十五条第（一）项',
    summaryZh: '散布谣言，谎报险情、疫情、警情或者以其他方法故意扰乱公共秩序的，处拘留，可以并处罚款',
    summaryEn:
      'Spreading rumours or false reports of danger, epidemics or police matters to disturb public order',
    competentOrganZh: '公安机关',
    verified: false,
    noteZh: '该法2025年修订、2026年1月1日起施行，条文序号有调整，适用前须按现行文本核对条号',
  },
  {
    id: 'psapl-defamation',
    kind: 'administrative',
    citation: '《中华人民共和国治安管理处罚法》（2012年修正）第四十二条第（二）项',
    summaryZh: '公然侮辱他人或者捏造事实诽谤他人的，处拘留或者罚款',
    summaryEn: 'Publicly insulting another or fabricating facts to defame them',
    competentOrganZh: '公安机关',
    verified: false,
    noteZh: '同上：2025年修订后条文序号有调整，须核对',
  },
  {
    id: 'cl-291-1-2',
    kind: 'criminal',
    citation: '《中华人民共和国刑法》第二百九十一条之一第二款',
    summaryZh:
      '编造、故意传播虚假信息罪：编造虚假的险情、疫情、灾情、警情，在信息网络或者其他媒体上传播，或者明知是上述虚假信息，故意在信息网络或者其他媒体上传播，严重扰乱社会秩序的',
    summaryEn:
      'Fabricating or knowingly spreading false information about dangers, epidemics, disasters or police matters online, seriously disturbing social order',
    competentOrganZh: '公安机关立案侦查，人民检察院审查起诉',
    verified: false,
    noteZh: '刑法修正案（九）增设；条款位置凭记忆，须核对',
  },
  {
    id: 'cl-246',
    kind: 'criminal',
    citation: '《中华人民共和国刑法》第二百四十六条',
    summaryZh: '侮辱罪、诽谤罪：以暴力或者其他方法公然侮辱他人或者捏造事实诽谤他人，情节严重的',
    summaryEn: 'Insult and defamation, when the circumstances are serious',
    competentOrganZh: '告诉的才处理，但严重危害社会秩序和国家利益的除外（公安机关、人民检察院）',
    verified: false,
    noteZh: '凭记忆，须核对',
  },
  {
    id: 'cl-221',
    kind: 'criminal',
    citation: '《中华人民共和国刑法》第二百二十一条',
    summaryZh:
      '损害商业信誉、商品声誉罪：捏造并散布虚伪事实，损害他人的商业信誉、商品声誉，给他人造成重大损失或者有其他严重情节的',
    summaryEn:
      'Fabricating and spreading falsehoods that damage a business’s reputation or its goods’ reputation',
    competentOrganZh: '公安机关立案侦查，人民检察院审查起诉',
    verified: false,
    noteZh: '凭记忆，须核对',
  },
  {
    id: 'cc-1024',
    kind: 'civil',
    citation: '《中华人民共和国民法典》第一千零二十四条',
    summaryZh: '民事主体享有名誉权。任何组织或者个人不得以侮辱、诽谤等方式侵害他人的名誉权',
    summaryEn: 'The right of reputation; no one may infringe it by insult or defamation',
    competentOrganZh: '人民法院（民事诉讼，由权利人提起）',
    verified: false,
    noteZh: '凭记忆，须核对',
  },
  {
    id: 'cc-1032',
    kind: 'civil',
    citation: '《中华人民共和国民法典》第一千零三十二条',
    summaryZh: '自然人享有隐私权。任何组织或者个人不得以刺探、侵扰、泄露、公开等方式侵害他人的隐私权',
    summaryEn: 'The right of privacy',
    competentOrganZh: '人民法院（民事诉讼，由权利人提起）',
    verified: false,
    noteZh: '凭记忆，须核对',
  },
  {
    id: 'tonghua-11',
    kind: 'local',
    citation: '《通化市网络虚假信息治理办法》第十一条第一款、第二十一条',
    summaryZh:
      '任何组织和个人不得制作、复制、发布、传播虚假信息；个人违反的，依法追究刑事责任或者依照其他法律处罚',
    summaryEn:
      'No one may make, copy, publish or spread false information (A11.1); individuals answer under A21',
    competentOrganZh: '依所适用的法律确定',
    verified: true,
    noteZh: '见 shared/regulation/tonghua-measures.zh.txt',
  },
]

export function lawById(id: string): LawProvision | undefined {
  return INDIVIDUAL_LAWS.find((l) => l.id === id)
}
