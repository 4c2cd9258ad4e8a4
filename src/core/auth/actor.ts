import type { Role } from './roles.ts'

/** Who performs an act: a signed-in staff member or an API token acting for its organisation. */
export interface Actor {
  kind: 'staff' | 'token'
  /** Staff id, or token id for a token. */
  id: string
  /** For a token, the staff member who created it and answers for it. */
  staffId: string
  organisationId: string
  roles: Role[]
  name: string
}
