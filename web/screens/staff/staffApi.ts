// Changes to staff. Each one refreshes the staff list, and the signed-in person's own record when it was theirs.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateStaffBody, StaffView, UpdateStaffBody } from '../../api/types.ts'
import { patch, post } from '../../app/api.ts'
import { keys } from '../../app/queries.ts'
import { meKey } from '../../app/session.tsx'

export function useCreateStaff() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateStaffBody) => post<StaffView>('/api/staff', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.staff }),
  })
}

export function useUpdateStaff() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateStaffBody }) =>
      patch<StaffView>(`/api/staff/${encodeURIComponent(id)}`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.staff })
      // The person may have changed their own name or roles, and with them the menu.
      await client.invalidateQueries({ queryKey: meKey })
    },
  })
}

export const MIN_PASSWORD_LENGTH = 10

/** The server's rule (PASSWORD_TOO_WEAK), checked here first so the form can say so at once. */
export function passwordProblem(login: string, password: string): 'short' | 'sameAsLogin' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'short'
  if (password.toLowerCase() === login.toLowerCase()) return 'sameAsLogin'
  return null
}
