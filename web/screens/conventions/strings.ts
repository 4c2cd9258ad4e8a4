// The words of industry conventions (A10): the regulator's page, the platform's page and the public list. Chinese
// first; kept beside the screens.
import { useCallback } from 'react'
import { type Lang, useLang } from '../../app/i18n.ts'

const zh = {
  title: '行业公约',
  intro:
    '行业自律公约（第十条）：发布公约文本（每次修订为新版本），经节点间协议发送各平台；平台管理员签署后，平台以本节点密钥签名回执。此处显示各平台签署了哪一版本。',
  new: '发布公约',
  empty: '尚未发布公约',
  version: '第 {version} 版',
  signed: '已签署',
  notSigned: '未签署',
  signedBy: '{name} · {at}',
  digest: '文本摘要',
  'form.title': '发布公约（或其新版本）',
  'form.key': '公约标识',
  'form.keyHint': '小写字母、数字和连字符；沿用已有标识即发布该公约的新版本。',
  'form.keyBad': '标识只能包含小写字母、数字和连字符',
  'form.conventionTitle': '标题',
  'form.body': '正文',
  'form.submit': '发布并发送各平台',
  'form.done': '公约已发布：第 {version} 版',
  required: '必填',
  'received.title': '行业公约',
  'received.intro':
    '监管部门发布的行业自律公约（第十条）。平台管理员阅读后签署，签署经节点密钥签名后发送监管部门。',
  'received.empty': '尚未收到公约',
  'received.sign': '签署',
  'received.signConfirm': '以本平台名义签署该版本公约？签署记入账本，并发送监管部门。',
  'received.done': '已签署',
  'public.title': '行业自律公约',
  'public.intro': '{name}发布的网络信息服务行业自律公约，以及签署各版本的平台。',
  'public.signatories': '签署平台',
  'public.none': '暂无平台签署',
}
type CKey = keyof typeof zh

const en: Record<CKey, string> = {
  title: 'Industry conventions',
  intro:
    'Industry self-discipline conventions (art. 10): publish a convention (each revision a new version), sent to every platform over the node protocol; a platform admin signs it and the platform answers, signed with its node key. This page shows which platform signed which version.',
  new: 'Publish a convention',
  empty: 'No conventions published yet',
  version: 'Version {version}',
  signed: 'Signed',
  notSigned: 'Not signed',
  signedBy: '{name} · {at}',
  digest: 'Text digest',
  'form.title': 'Publish a convention (or its next version)',
  'form.key': 'Convention key',
  'form.keyHint':
    'Lower-case letters, digits and hyphens; an existing key publishes that convention’s next version.',
  'form.keyBad': 'Only lower-case letters, digits and hyphens',
  'form.conventionTitle': 'Title',
  'form.body': 'Text',
  'form.submit': 'Publish and send to platforms',
  'form.done': 'Convention published: version {version}',
  required: 'Required',
  'received.title': 'Industry conventions',
  'received.intro':
    'Industry self-discipline conventions from the regulator (art. 10). The platform admin signs one after reading it; the signature goes to the regulator signed with the node key.',
  'received.empty': 'No conventions received',
  'received.sign': 'Sign',
  'received.signConfirm':
    'Sign this version of the convention for the platform? The signature goes on the ledger and to the regulator.',
  'received.done': 'Signed',
  'public.title': 'Industry conventions',
  'public.intro':
    'Self-discipline conventions of online information services published by {name}, and the platforms that signed each version.',
  'public.signatories': 'Signed by',
  'public.none': 'No platform has signed yet',
}

const messages: Record<Lang, Record<CKey, string>> = { zh, en }

export type CTranslate = (key: CKey, vars?: Record<string, string | number>) => string

export function useCT(): CTranslate {
  const lang = useLang()
  return useCallback(
    (key, vars) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text
    },
    [lang],
  )
}
