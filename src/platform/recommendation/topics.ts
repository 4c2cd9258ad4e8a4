// Which of the model's topics a text is about: the topic words compiled into one lexicon of the screening engine, so
// traditional characters, full-width forms and inserted symbols are read as the screening reads them. Pure.
import { compileLexicon, type Lexicon, matchLexicon, normalize } from '../../engine/index.ts'
import type { RecommendationModelDocument } from './model.ts'

export class TopicMatcher {
  private readonly lexicon: Lexicon | null
  private readonly owner: string[]

  constructor(model: RecommendationModelDocument) {
    const entries: Parameters<typeof compileLexicon>[0][number][] = []
    this.owner = []
    for (const t of model.topics) {
      for (const term of t.terms) {
        entries.push({ term, category: 'encourage', severity: 1, basis: ['A14'] })
        this.owner.push(t.tag)
      }
    }
    this.lexicon = entries.length > 0 ? compileLexicon(entries) : null
  }

  /** The topic tags of a text, in the model's order of first match, each once. */
  topicsOf(text: string): string[] {
    if (this.lexicon === null) return []
    const hits = matchLexicon(this.lexicon, normalize(text))
    const out: string[] = []
    for (const h of hits) {
      const tag = this.owner[h.entry]
      if (tag !== undefined && !out.includes(tag)) out.push(tag)
    }
    return out
  }
}
