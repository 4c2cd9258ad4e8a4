// The node's screener: the newest rule set version compiled into the engine, with the bank of known false claims.
// A new version is compiled off to the side and swapped in atomically; a new claim joins the bank in place.
import { randomUUID } from 'node:crypto'
import type { Database, Tx } from '../../core/db/index.ts'
import {
  ClaimBank,
  type ContentItem,
  compileRuleSet,
  type LexiconEntry,
  type PolicyRow,
  type RuleSet,
  Screener,
  type Verdict,
} from '../../engine/index.ts'
import * as store from './store.ts'

/** The version string a rule set version carries into every verdict: `rule-set/3` (+`+claims.<revision>`). */
export const ruleSetVersionName = (version: number) => `rule-set/${version}`

export function compileVersion(
  version: number,
  lexicon: LexiconEntry[],
  policy: PolicyRow[] | null,
): RuleSet {
  return compileRuleSet({ version: ruleSetVersionName(version), lexicon, ...(policy ? { policy } : {}) })
}

export class ScreeningService {
  private screener: Screener
  private installed = 0
  /** Names this screener in change notices, so that it skips its own. */
  readonly instance = randomUUID()
  private reloading: Promise<void> = Promise.resolve()

  constructor() {
    this.screener = new Screener(compileVersion(0, [], null), new ClaimBank())
  }

  /** The rule set version in force (0 before any is published). */
  get version(): number {
    return this.installed
  }

  get claimCount(): number {
    return this.screener.bank?.size ?? 0
  }

  /** Loads the newest version and every claim from the database (at start, and to catch up). */
  async load(tx: Tx): Promise<void> {
    const latest = await store.latestRuleSet(tx)
    const rules = latest
      ? compileVersion(latest.version, latest.lexicon as LexiconEntry[], latest.policy as PolicyRow[] | null)
      : compileVersion(0, [], null)
    const bank = new ClaimBank()
    for (const c of await store.allClaims(tx)) bank.add({ id: c.id, text: c.text })
    // One reference assignment: a screening under way finishes with the screener it started with.
    this.screener = new Screener(rules, bank)
    this.installed = latest?.version ?? 0
  }

  /**
   * Reloads whenever another process of the node publishes a rule set version or adds a claim (LISTEN/NOTIFY), so
   * that every process screens with the same rules. Returns the function that stops listening.
   */
  follow(database: Database, onError: (err: unknown) => void): Promise<() => Promise<void>> {
    return database.listen(store.SCREENING_CHANNEL, (payload) => {
      if (payload.split('|')[0] === this.instance) return
      this.reloading = this.reloading.then(() => this.load(database.db)).catch(onError)
    })
  }

  /** Resolves when reloads asked for so far are done. */
  settled(): Promise<void> {
    return this.reloading
  }

  /** Swaps in a compiled version; an older one than the version in force is ignored. */
  install(version: number, rules: RuleSet): void {
    if (version <= this.installed) return
    this.screener.swap(rules)
    this.installed = version
  }

  /** Adds a claim to the bank without a rebuild. */
  addClaim(id: string, text: string): void {
    this.screener.bank?.add({ id, text })
  }

  /** Why the bank would refuse this claim, or null when it can be added (nothing is added to find out). */
  claimProblem(text: string): { zh: string; en: string } | null {
    return (this.screener.bank ?? this.emptyBank).refusal(text)
  }
  private readonly emptyBank = new ClaimBank({ capacity: 16 })

  screen(item: ContentItem): Verdict {
    return this.screener.screen(item)
  }
}
