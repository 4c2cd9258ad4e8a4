// The words of public education (A6): the public pages /p/learn and the console page where staff publish articles.
// Chinese first; kept beside the screens.
import { useCallback } from 'react'
import { type Lang, useLang } from '../../app/i18n.ts'

const zh = {
  'public.title': '识谣防谣',
  'public.intro': '{name}发布：怎样识别网络谣言、怎样举报，以及《通化市网络虚假信息治理办法》讲了什么。',
  'public.empty': '暂无文章',
  'public.back': '← 全部文章',
  'public.read': '阅读全文',
  'public.publisher': '发布机构',
  'public.publishedAt': '发布时间',
  'public.report': '发现谣言？向我们举报',
  'topic.spot_rumours': '识别谣言',
  'topic.how_to_report': '如何举报',
  'topic.measures': '办法解读',
  'topic.other': '其他',
  'console.title': '宣传教育',
  'console.intro':
    '宣传教育（第六条）：发布识别谣言、举报方法和办法解读等文章，中英文对照，公众在公开页面 /p/learn 阅读。发布记入账本。',
  'console.new': '发布文章',
  'console.empty': '尚未发布文章',
  'console.open': '公开页面',
  'col.title': '标题',
  'col.topic': '主题',
  'col.publishedAt': '发布时间',
  'form.title': '发布宣传教育文章',
  'form.topic': '主题',
  'form.titleZh': '标题（中文）',
  'form.titleEn': '标题（英文）',
  'form.summaryZh': '摘要（中文）',
  'form.summaryEn': '摘要（英文）',
  'form.bodyZh': '正文（中文）',
  'form.bodyEn': '正文（英文）',
  'form.submit': '发布',
  'form.done': '文章已发布',
  required: '必填',
}
type LKey = keyof typeof zh

const en: Record<LKey, string> = {
  'public.title': 'Spotting rumours',
  'public.intro':
    'From {name}: how to spot an online rumour, how to report one, and what the Tonghua measures on online false information say.',
  'public.empty': 'No articles yet',
  'public.back': '← All articles',
  'public.read': 'Read',
  'public.publisher': 'Published by',
  'public.publishedAt': 'Published',
  'public.report': 'Seen a rumour? Report it to us',
  'topic.spot_rumours': 'Spotting rumours',
  'topic.how_to_report': 'How to report',
  'topic.measures': 'The measures explained',
  'topic.other': 'Other',
  'console.title': 'Public education',
  'console.intro':
    'Public education (art. 6): articles on spotting rumours, how to report and the measures explained, in Chinese with English, read by the public on /p/learn. Each publication goes on the ledger.',
  'console.new': 'Publish an article',
  'console.empty': 'No articles published yet',
  'console.open': 'Public page',
  'col.title': 'Title',
  'col.topic': 'Topic',
  'col.publishedAt': 'Published',
  'form.title': 'Publish an education article',
  'form.topic': 'Topic',
  'form.titleZh': 'Title (Chinese)',
  'form.titleEn': 'Title (English)',
  'form.summaryZh': 'Summary (Chinese)',
  'form.summaryEn': 'Summary (English)',
  'form.bodyZh': 'Text (Chinese)',
  'form.bodyEn': 'Text (English)',
  'form.submit': 'Publish',
  'form.done': 'Article published',
  required: 'Required',
}

const messages: Record<Lang, Record<LKey, string>> = { zh, en }

export type LTranslate = (key: LKey, vars?: Record<string, string | number>) => string

export function useLT(): LTranslate {
  const lang = useLang()
  return useCallback(
    (key, vars) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text
    },
    [lang],
  )
}

export const TOPICS = ['spot_rumours', 'how_to_report', 'measures', 'other'] as const
export type Topic = (typeof TOPICS)[number]
export const topicKey = (t: string): LKey =>
  TOPICS.includes(t as Topic) ? (`topic.${t}` as LKey) : 'topic.other'
