// Synthetic variants of a claim, one evasion at a time (or all at once), generated at run time from a seed.
import * as OpenCC from 'opencc-js'
import { soundTable } from '../src/engine/sound.ts'

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
const EMOJI = ['😀', '🙏', '🔥', '😱', '👍', '🦁️', '❤️', '[哈哈]']
const PUNCT = [' ', '*', '·', '。', '，', '\u200b', '～', '!']
const FILLER =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府'

export type Evasion =
  | 'traditional'
  | 'emoji'
  | 'spacing'
  | 'fullwidth'
  | 'delete'
  | 'insert'
  | 'substitute'
  | 'reorder'
  | 'quoted'
  | 'combined'
  | 'homophone'

export const EVASIONS: readonly Evasion[] = [
  'traditional',
  'emoji',
  'spacing',
  'fullwidth',
  'delete',
  'insert',
  'substitute',
  'reorder',
  'quoted',
  'combined',
  'homophone',
]

/** Common characters (FILLER and a few more) by toneless syllable, the engine's sound folding. */
let bySound: Map<number, string[]> | null = null
function homophones(): Map<number, string[]> {
  if (bySound !== null) return bySound
  const t = soundTable()
  bySound = new Map()
  for (const ch of new Set(
    `${FILLER}谣言病毒疫苗新冠肺炎口罩医院专家政府国家城市警察学生孩子父母朋友消息通知紧急转发扩散真相视频图片网友`,
  )) {
    const k = t[ch.charCodeAt(0)] as number
    const xs = bySound.get(k) ?? []
    xs.push(ch)
    bySound.set(k, xs)
  }
  return bySound
}

/** Replaces each character that has a common homophone by one with probability `share` (谣言 → 遥言). */
function homophone(text: string, r: () => number, share = 0.15): string {
  const t = soundTable()
  const table = homophones()
  let out = ''
  for (const ch of text) {
    const others = (table.get(t[ch.charCodeAt(0)] as number) ?? []).filter((c) => c !== ch)
    out += others.length > 0 && r() < share ? pick(r, others) : ch
  }
  return out
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T

function edit(text: string, r: () => number, kind: 'delete' | 'insert' | 'substitute', share = 0.1): string {
  const chars = [...text]
  const n = Math.max(1, Math.round(chars.length * share))
  for (let k = 0; k < n && chars.length > 2; k++) {
    const i = Math.floor(r() * chars.length)
    if (kind === 'delete') chars.splice(i, 1)
    else if (kind === 'insert') chars.splice(i, 0, pick(r, [...FILLER]))
    else chars[i] = pick(r, [...FILLER])
  }
  return chars.join('')
}

function sprinkle(text: string, r: () => number, what: readonly string[], share: number): string {
  let out = ''
  for (const ch of text) out += ch + (r() < share ? pick(r, what) : '')
  return out
}

/** One variant of `claim` by `evasion`; `context` supplies surrounding text for `quoted`. */
export function variant(
  claim: string,
  evasion: Evasion,
  r: () => number,
  context: readonly string[],
): string {
  switch (evasion) {
    case 'traditional':
      return toTraditional(claim)
    case 'emoji':
      return sprinkle(claim, r, EMOJI, 0.15)
    case 'spacing':
      return sprinkle(claim, r, PUNCT, 0.2)
    case 'fullwidth':
      return claim.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    case 'delete':
    case 'insert':
    case 'substitute':
      return edit(claim, r, evasion)
    case 'reorder': {
      const parts = claim.split(/(?<=[。！？!?；;，,])/).filter((s) => s.length > 0)
      if (parts.length < 2) {
        const cut = Math.floor(claim.length / 2)
        return claim.slice(cut) + claim.slice(0, cut)
      }
      for (let i = parts.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1))
        ;[parts[i], parts[j]] = [parts[j] as string, parts[i] as string]
      }
      return parts.join('')
    }
    case 'quoted':
      return `${pick(r, context)}${pick(r, context)}//转发：${claim} ${pick(r, context)}`
    case 'combined':
      return sprinkle(toTraditional(edit(claim, r, 'substitute', 0.05)), r, [...EMOJI, ...PUNCT], 0.1)
    case 'homophone':
      return homophone(claim, r)
  }
}
