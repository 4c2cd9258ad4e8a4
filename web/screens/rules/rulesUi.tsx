// Pieces of the rules and agreements (A13.1) that the staff console and the public portal both show.
import { Typography } from 'antd'
import type { CSSProperties } from 'react'
import type { RuleDocument, RuleKind } from '../../api/types.ts'
import { type Lang, type MessageKey, pick, useLang } from '../../app/i18n.ts'

export function ruleKindKey(kind: RuleKind): MessageKey {
  return `rules.kind.${kind}`
}

/** The address of a version in the public portal. */
export function portalRulePath(doc: { kind: RuleKind; version: number }): string {
  return `/u/rules/${doc.kind}/${doc.version}`
}

export function ruleTitle(doc: RuleDocument, lang: Lang): string {
  return pick(lang, doc.titleZh, doc.titleEn)
}

/** A document's text in the current language, its line breaks kept; in a scrolling panel when `maxHeight` is set. */
export function RuleBody({
  doc,
  maxHeight,
  testId,
}: {
  doc: RuleDocument
  maxHeight?: number
  testId?: string
}) {
  const lang = useLang()
  const style: CSSProperties = {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    lineHeight: 1.8,
    margin: 0,
    ...(maxHeight !== undefined
      ? {
          maxHeight,
          overflowY: 'auto',
          padding: '12px 16px',
          border: '1px solid #e5e7eb',
          borderRadius: 8,
          background: '#fafafa',
        }
      : {}),
  }
  return (
    <Typography.Paragraph
      style={style}
      data-testid={testId}
      tabIndex={maxHeight !== undefined ? 0 : undefined}
    >
      {pick(lang, doc.bodyZh, doc.bodyEn)}
    </Typography.Paragraph>
  )
}
