import { Type } from 'typebox'

export const OrganisationSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  kind: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  divisionCode: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
})
