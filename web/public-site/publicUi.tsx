// Pieces of the public pages: the claim as it circulated, marked with the verdict.
import { Tag } from 'antd'
import { useT } from '../app/i18n.ts'

/** The claim with its verdict (虚假 in red, 误导 in orange) in front, set apart from the facts. */
export function ClaimMark({
  claim,
  verdict,
  small = false,
  testId,
}: {
  claim: string
  verdict: string
  small?: boolean
  testId?: string
}) {
  const t = useT()
  const misleading = verdict === 'misleading'
  return (
    <div
      className={small ? 'ql-site-claim ql-site-claim-small' : 'ql-site-claim'}
      data-testid={testId}
      data-verdict={verdict}
    >
      <Tag color={misleading ? 'orange' : 'red'}>
        {t(misleading ? 'rumor.verdict.misleading' : 'rumor.verdict.false')}
      </Tag>
      <span>{claim}</span>
    </div>
  )
}
