// A staff member's signing keys (A27): every act of theirs is signed into the ledger with the current one; retired
// keys stay listed so that what they signed can still be checked. Words of the keys dialog, zh and en.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import { type Lang, useLang } from '../../app/i18n.ts'

/** Mirrors `OfficerKeyView` in src/ledger/officer-keys.ts. */
export interface StaffKeyView {
  keyId: string
  staffId: string
  alg: 'Ed25519'
  publicKey: string
  createdAt: string
  retiredAt: string | null
}

const keysKey = (id: string) => ['staff', 'keys', id] as const

/** Needs `staff.read`. Oldest first. */
export function useStaffKeys(id: string) {
  return useQuery({
    queryKey: keysKey(id),
    queryFn: async () => (await get<Items<StaffKeyView>>(`/api/staff/${encodeURIComponent(id)}/keys`)).items,
  })
}

/** Needs `staff.manage`. */
export function useRotateStaffKey(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async () =>
      (await post<Items<StaffKeyView>>(`/api/staff/${encodeURIComponent(id)}/keys`)).items,
    onSuccess: (items) => client.setQueryData(keysKey(id), items),
  })
}

const zh = {
  button: '签名密钥',
  title: '{name} 的签名密钥',
  intro:
    '此人的每项履职行为都以其当前密钥（Ed25519）签名后记入治理记录账本（第二十七条）。轮换后旧密钥停用但继续公布，已签名的记录仍可核验。',
  keyId: '密钥编号',
  publicKey: '公钥',
  createdAt: '生成时间',
  state: '状态',
  current: '当前使用',
  retired: '已停用 {at}',
  rotate: '轮换密钥',
  rotateConfirm: '停用当前密钥并生成新密钥？轮换本身记入账本。',
  rotated: '已轮换签名密钥',
  none: '尚未生成密钥（首次履职时生成）',
  close: '关闭',
}
const en: Record<keyof typeof zh, string> = {
  button: 'Signing keys',
  title: 'Signing keys of {name}',
  intro:
    'Every act of this person is signed with their current key (Ed25519) into the ledger (art. 27). A rotated key is retired but stays published, so what it signed can still be checked.',
  keyId: 'Key id',
  publicKey: 'Public key',
  createdAt: 'Made',
  state: 'State',
  current: 'Current',
  retired: 'Retired {at}',
  rotate: 'Rotate key',
  rotateConfirm: 'Retire the current key and make a new one? The rotation is recorded in the ledger.',
  rotated: 'Signing key rotated',
  none: 'No key yet (made at the first act)',
  close: 'Close',
}
const messages: Record<Lang, Record<keyof typeof zh, string>> = { zh, en }

export function useKT() {
  const lang = useLang()
  return useCallback(
    (key: keyof typeof zh, vars?: Record<string, string>) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => vars[n] ?? w) : text
    },
    [lang],
  )
}
