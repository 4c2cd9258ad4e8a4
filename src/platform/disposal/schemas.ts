// The TypeBox shapes of registry entries and disposals, shared by the areas that answer with them.
import { Type } from 'typebox'
import { MEASURES } from './disposal.ts'

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

export const RumorSchema = Type.Object({
  id: Type.String(),
  text: Type.String(),
  verdict: Type.String(),
  source: Type.String(),
  sourceRef: Type.String(),
  clarificationUrl: Nullable(Type.String()),
  clarificationTitle: Nullable(Type.String()),
  claimId: Type.String(),
  confirmedByName: Type.String(),
  confirmedAt: Type.String(),
})

export const DisposalSchema = Type.Object({
  id: Type.String(),
  rumor: Type.Union([RumorSchema, Type.Null()]),
  itemId: Nullable(Type.String()),
  measures: Type.Array(Type.String()),
  reason: Type.String(),
  articles: Type.Array(Type.String()),
  category: Type.String(),
  notifyInteractors: Type.Boolean(),
  status: Type.String(),
  candidates: Type.Integer(),
  applied: Type.Integer(),
  toReview: Type.Integer(),
  createdByName: Type.String(),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
})

export const MeasuresSchema = Type.Array(Type.Enum([...MEASURES]), { minItems: 1, maxItems: 4 })
