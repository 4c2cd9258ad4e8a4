// Schemas shared by many routes: problem details and common shapes.
import { type TSchema, Type } from 'typebox'

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    zh: Type.String(),
    en: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), zh: Type.String(), en: Type.String() })),
    ),
  },
  { additionalProperties: true, $id: 'Problem' },
)

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

/** The error answers every route can give, for the OpenAPI document. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]))
}

export const NoContent = Type.Null({ description: 'No content' })

/** A field that may be null: the one helper every route's schema uses. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
