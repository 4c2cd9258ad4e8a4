// What a claim bank's similarity is, apart from how candidates are found: which part of a claim's text counts,
// and how much evidence a match must carry. The exact multiset containment itself is `BigramSet` in
// claim-bank.ts; this module holds the rules around it, so that the bank, `containment()` and the benchmarks
// agree. Measured on real variants (bench/quality.ts): see docs/engine.md, "Similarity".

/**
 * Markup that a crawled or pasted post carries but that is not what it says: emoticon codes
 * (`[em]e100063[/em]`) and HTML entities (`&nbsp;`). Normalisation would keep their letters (`eme100063em`,
 * `nbsp`) as text; in a claim they only inflate the share a variant must cover (a family of 69 variants of one
 * weibo17 rumor scored 0.496 for this alone). Removed from a claim's text before it is normalised and stored;
 * items are not changed. @mentions and URLs are kept: a verbatim copy of a claim carries them too, and removing
 * them from the claim only lowered the recall of short claims (bench/quality.ts, bench/bank.ts).
 */
const MARKUP = [/\[em\][^[\]]{0,32}\[\/em\]/gi, /&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi]

/** A claim's text without markup (see MARKUP); any other input is returned as it is. */
export function claimText(raw: string): string {
  if (typeof raw !== 'string') return raw
  let t = raw
  for (const re of MARKUP) t = t.replace(re, ' ')
  return t
}

/**
 * Evidence floor, in bigrams. A claim of n bigrams found in an item of k bigrams scores its containment times
 * n / max(n, min(k, EVIDENCE_FLOOR)): a short claim must either cover a short item (the item is the claim) or
 * carry at least EVIDENCE_FLOOR bigrams; so `天津塘沽大爆炸O秒拍视频` no longer matches every long news post
 * about an explosion with a video, while an identical text still scores 1 and claims of ≥ 17 characters are
 * not affected. Chosen on the tuning halves of the real sets (bench/quality.ts).
 */
export const EVIDENCE_FLOOR = 16

/** The factor above for a claim of `claimBigrams` bigrams in an item of `itemBigrams` bigrams, in (0, 1]. */
export function evidence(claimBigrams: number, itemBigrams: number): number {
  if (claimBigrams <= 0) return 0
  const d = Math.max(claimBigrams, Math.min(itemBigrams, EVIDENCE_FLOOR))
  return claimBigrams / d
}
