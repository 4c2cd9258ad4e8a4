// The TypeBox shapes of a content item as the API serves it, shared by every area that answers with items.
import { Type } from 'typebox'

export const ContentKindSchema = Type.Enum(['post', 'comment', 'reply', 'danmaku'])
const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(t: T) =>
  Type.Union([t, Type.Null()])

/** `ContentView`: a published item. */
export const ItemFields = {
  id: Type.String(),
  kind: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  postId: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  text: Type.String(),
  danmakuMs: Nullable(Type.Integer()),
  fictionDeclared: Type.Boolean(),
  fictionLabel: Type.Boolean(),
  label: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
  status: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  /** `stopped`, `limited` or null (A16). */
  restriction: Nullable(Type.String()),
  /** Labelled false, with the clarification it links to (A16). */
  falseLabel: Type.Union([
    Type.Object({
      zh: Type.String(),
      en: Type.String(),
      rumorId: Nullable(Type.String()),
      url: Nullable(Type.String()),
      title: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
}

export const ReasonSchema = Type.Object({
  type: Type.String(),
  outcome: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  basis: Type.Array(Type.String()),
  start: Type.Integer(),
  end: Type.Integer(),
  term: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  severity: Type.Optional(Type.Integer()),
  claimId: Type.Optional(Type.String()),
  similarity: Type.Optional(Type.Number()),
})

/** `OwnContentView`: the author's and a reviewer's view, with the verdict's reasons. */
export const OwnFields = {
  ...ItemFields,
  outcome: Type.String(),
  reasons: Type.Array(ReasonSchema),
  ruleVersion: Type.String(),
  decisionReason: Nullable(Type.String()),
}

/** `HeldItem`: a held item as a reviewer sees it. */
export const HeldFields = {
  ...OwnFields,
  claimedBy: Nullable(Type.String()),
  claimedByName: Nullable(Type.String()),
  claimExpiresAt: Nullable(Type.String()),
  heldAt: Nullable(Type.String()),
  patrolRunId: Nullable(Type.String()),
  escalatedAt: Nullable(Type.String()),
  escalatedBy: Nullable(Type.String()),
  escalationNote: Nullable(Type.String()),
}
