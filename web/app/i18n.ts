// Every string the console shows, in Chinese (first, and the default) and English. `useT()` gives a translator
// for the current language; the choice is kept in localStorage. Add a string by adding one key to `zh` and the
// same key to `en` (the compiler insists on both).
import { useCallback, useSyncExternalStore } from 'react'
import type { OrganisationKind, Role } from '../api/types.ts'

export type Lang = 'zh' | 'en'

const zh = {
  'app.name': '清朗',
  'app.subtitle': '网络虚假信息治理',

  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.close': '关闭',
  'common.actions': '操作',
  'common.none': '—',
  'common.copy': '复制',
  'common.copied': '已复制',
  'common.copyFailed': '复制失败，请手动选中复制',
  'common.loadFailed': '加载失败',
  'common.you': '（你）',

  'lang.switch': '语言',
  'lang.zh': '中文',
  'lang.en': 'English',

  'node.kind.regulator': '监管节点',
  'node.kind.platform': '平台节点',

  'org.kind.cac': '网信部门',
  'org.kind.department': '协同部门',
  'org.kind.county': '县级网信部门',
  'org.kind.procuratorate': '检察机关',
  'org.kind.platform': '平台',

  'role.platform_admin': '平台管理员',
  'role.operator': '运营人员',
  'role.reviewer': '审核员',
  'role.inspector': '只读检查员',
  'role.regulator_admin': '监管管理员',
  'role.officer': '执法人员',
  'role.supervisor': '督办人员',
  'role.procurator': '检察人员',

  'menu.dashboard': '概览',
  'menu.organisations': '机构',
  'menu.staff': '工作人员',
  'menu.tokens': 'API 令牌',

  'header.logout': '退出登录',
  'header.loggedOut': '已退出登录',

  'error.network': '无法连接服务器，请检查网络或稍后再试',
  'error.badResponse': '服务器返回了无法识别的响应（HTTP {status}）',

  'login.title': '登录',
  'login.login': '登录名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.loginRequired': '请输入登录名',
  'login.passwordRequired': '请输入密码',
  'login.expired': '登录已过期，请重新登录',
  'login.demoHint':
    '演示模式：演示账号的登录名已打印在启动服务器的终端中，密码为 qinglang-demo（除非已修改）。',
  'login.nodeUnavailable': '无法获取节点信息',

  'session.checking': '正在确认登录状态…',
  'session.failed': '无法确认登录状态',

  'noPermission.title': '无权访问',
  'noPermission.detail': '你的角色没有访问此页面的权限（需要权限 {permission}）。',
  'notFound.title': '页面不存在',
  'notFound.detail': '没有找到地址 {path} 对应的页面。',
  'notFound.home': '返回首页',

  'dashboard.node': '本节点',
  'dashboard.nodeId': '节点标识',
  'dashboard.nodeKind': '节点类型',
  'dashboard.nodeName': '名称',
  'dashboard.version': '版本',
  'dashboard.demo': '演示模式',
  'dashboard.me': '当前用户',
  'dashboard.displayName': '姓名',
  'dashboard.login': '登录名',
  'dashboard.organisation': '所属机构',
  'dashboard.organisationKind': '机构类型',
  'dashboard.roles': '角色',
  'dashboard.permissions': '权限',
  'dashboard.lastLogin': '本次登录',
  'dashboard.counts': '统计',
  'dashboard.organisationCount': '机构',
  'dashboard.staffCount': '工作人员',
  'dashboard.staffActive': '启用 {active} / 停用 {disabled}',
  'dashboard.noCounts': '你的角色无权查看机构或工作人员统计。',

  'organisations.title': '机构',
  'organisations.count': '共 {n} 个机构',
  'organisations.viewTree': '按层级',
  'organisations.viewKind': '按类型',
  'organisations.kind': '类型',
  'organisations.name': '名称',
  'organisations.key': '标识',
  'organisations.divisionCode': '行政区划代码',
  'organisations.parent': '上级机构',

  'staff.title': '工作人员',
  'staff.count': '共 {n} 人',
  'staff.new': '新增工作人员',
  'staff.readOnly': '只读：你的角色可以查看但不能管理工作人员。',
  'staff.login': '登录名',
  'staff.displayName': '姓名',
  'staff.organisation': '所属机构',
  'staff.roles': '角色',
  'staff.status': '状态',
  'staff.lastLogin': '最近登录',
  'staff.createdAt': '创建时间',
  'staff.never': '从未登录',
  'staff.active': '启用',
  'staff.disabled': '已停用',
  'staff.edit': '编辑',
  'staff.disable': '停用',
  'staff.enable': '启用',
  'staff.resetPassword': '重置密码',
  'staff.confirmDisable': '确定停用 {name}？停用后其所有会话立即失效，无法再登录。',
  'staff.confirmEnable': '确定重新启用 {name}？',
  'staff.password': '初始密码',
  'staff.newPassword': '新密码',
  'staff.passwordHint': '至少 10 个字符，且不能与登录名相同。',
  'staff.passwordResetHint': '重置后，该人员所有已登录的会话立即失效。',
  'staff.loginRequired': '请输入登录名',
  'staff.loginPattern': '3–64 个字符，只能用小写字母、数字和 . _ -，并以字母或数字开头',
  'staff.displayNameRequired': '请输入姓名',
  'staff.passwordRequired': '请输入密码',
  'staff.passwordTooShort': '密码至少 10 个字符',
  'staff.passwordSameAsLogin': '密码不能与登录名相同',
  'staff.organisationRequired': '请选择所属机构',
  'staff.rolesRequired': '请至少选择一个角色',
  'staff.rolesHint': '只列出适用于所选机构类型的角色。',
  'staff.chooseOrganisationFirst': '请先选择所属机构',
  'staff.created': '已新增工作人员 {name}',
  'staff.saved': '已保存',
  'staff.disabledDone': '已停用 {name}',
  'staff.enabledDone': '已启用 {name}',
  'staff.passwordResetDone': '已重置 {name} 的密码',
  'staff.editTitle': '编辑工作人员：{name}',
  'staff.resetTitle': '重置密码：{name}',

  'tokens.title': 'API 令牌',
  'tokens.intro': 'API 令牌供程序以你所在机构的名义调用接口（请求头 Authorization: Bearer <令牌>）。',
  'tokens.new': '新建令牌',
  'tokens.name': '名称',
  'tokens.prefix': '前缀',
  'tokens.roles': '角色',
  'tokens.createdBy': '创建人',
  'tokens.createdAt': '创建时间',
  'tokens.lastUsed': '最近使用',
  'tokens.neverUsed': '从未使用',
  'tokens.status': '状态',
  'tokens.active': '有效',
  'tokens.revoked': '已撤销',
  'tokens.revoke': '撤销',
  'tokens.confirmRevoke': '确定撤销令牌「{name}」？使用它的程序将立即无法访问，且无法恢复。',
  'tokens.revokedDone': '已撤销令牌「{name}」',
  'tokens.nameRequired': '请输入名称',
  'tokens.namePlaceholder': '例如：数据对接程序',
  'tokens.rolesRequired': '请至少选择一个角色',
  'tokens.rolesHint': '只能授予你自己拥有的角色。',
  'tokens.revealTitle': '请立即复制并妥善保存令牌',
  'tokens.revealWarning':
    '令牌只显示这一次。关闭此窗口后无法再次查看；如果遗失，请撤销后重新创建。不要把令牌发给他人或写入代码仓库。',
  'tokens.revealDone': '我已保存令牌',
} as const

export type MessageKey = keyof typeof zh

const en: Record<MessageKey, string> = {
  'app.name': 'Qinglang',
  'app.subtitle': 'Online false information governance',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.close': 'Close',
  'common.actions': 'Actions',
  'common.none': '—',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.copyFailed': 'Could not copy; select the text and copy it by hand',
  'common.loadFailed': 'Could not load',
  'common.you': ' (you)',

  'lang.switch': 'Language',
  'lang.zh': '中文',
  'lang.en': 'English',

  'node.kind.regulator': 'Regulator node',
  'node.kind.platform': 'Platform node',

  'org.kind.cac': 'Cyberspace administration',
  'org.kind.department': 'Partner department',
  'org.kind.county': 'County cyberspace office',
  'org.kind.procuratorate': 'Procuratorate',
  'org.kind.platform': 'Platform',

  'role.platform_admin': 'Platform admin',
  'role.operator': 'Operator',
  'role.reviewer': 'Reviewer',
  'role.inspector': 'Read-only inspector',
  'role.regulator_admin': 'Regulator admin',
  'role.officer': 'Officer',
  'role.supervisor': 'Supervisor',
  'role.procurator': 'Procurator',

  'menu.dashboard': 'Overview',
  'menu.organisations': 'Organisations',
  'menu.staff': 'Staff',
  'menu.tokens': 'API tokens',

  'header.logout': 'Sign out',
  'header.loggedOut': 'Signed out',

  'error.network': 'Cannot reach the server; check the network or try again later',
  'error.badResponse': 'The server sent an unexpected response (HTTP {status})',

  'login.title': 'Sign in',
  'login.login': 'Login',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.loginRequired': 'Enter your login',
  'login.passwordRequired': 'Enter your password',
  'login.expired': 'Your session has expired; sign in again',
  'login.demoHint':
    'Demo mode: the demo logins are printed in the terminal that started the server; the password is qinglang-demo unless it was changed.',
  'login.nodeUnavailable': 'Could not load the node information',

  'session.checking': 'Checking your session…',
  'session.failed': 'Could not check your session',

  'noPermission.title': 'No permission',
  'noPermission.detail': 'Your roles do not allow this page (it needs the permission {permission}).',
  'notFound.title': 'Page not found',
  'notFound.detail': 'There is no page at {path}.',
  'notFound.home': 'Back to the start page',

  'dashboard.node': 'This node',
  'dashboard.nodeId': 'Node ID',
  'dashboard.nodeKind': 'Node kind',
  'dashboard.nodeName': 'Name',
  'dashboard.version': 'Version',
  'dashboard.demo': 'Demo mode',
  'dashboard.me': 'Signed in as',
  'dashboard.displayName': 'Name',
  'dashboard.login': 'Login',
  'dashboard.organisation': 'Organisation',
  'dashboard.organisationKind': 'Organisation kind',
  'dashboard.roles': 'Roles',
  'dashboard.permissions': 'Permissions',
  'dashboard.lastLogin': 'Signed in at',
  'dashboard.counts': 'Counts',
  'dashboard.organisationCount': 'Organisations',
  'dashboard.staffCount': 'Staff',
  'dashboard.staffActive': '{active} active / {disabled} disabled',
  'dashboard.noCounts': 'Your roles may not see organisation or staff counts.',

  'organisations.title': 'Organisations',
  'organisations.count': '{n} organisations',
  'organisations.viewTree': 'By hierarchy',
  'organisations.viewKind': 'By kind',
  'organisations.kind': 'Kind',
  'organisations.name': 'Name',
  'organisations.key': 'Key',
  'organisations.divisionCode': 'Division code',
  'organisations.parent': 'Parent',

  'staff.title': 'Staff',
  'staff.count': '{n} people',
  'staff.new': 'New staff',
  'staff.readOnly': 'Read-only: your roles may see staff but not manage them.',
  'staff.login': 'Login',
  'staff.displayName': 'Name',
  'staff.organisation': 'Organisation',
  'staff.roles': 'Roles',
  'staff.status': 'Status',
  'staff.lastLogin': 'Last sign-in',
  'staff.createdAt': 'Created',
  'staff.never': 'Never',
  'staff.active': 'Active',
  'staff.disabled': 'Disabled',
  'staff.edit': 'Edit',
  'staff.disable': 'Disable',
  'staff.enable': 'Enable',
  'staff.resetPassword': 'Reset password',
  'staff.confirmDisable': 'Disable {name}? All of their sessions end at once and they can no longer sign in.',
  'staff.confirmEnable': 'Enable {name} again?',
  'staff.password': 'Initial password',
  'staff.newPassword': 'New password',
  'staff.passwordHint': 'At least 10 characters, and not the same as the login.',
  'staff.passwordResetHint': 'Resetting ends every session this person has open.',
  'staff.loginRequired': 'Enter a login',
  'staff.loginPattern':
    '3–64 characters of lowercase letters, digits and . _ -, starting with a letter or digit',
  'staff.displayNameRequired': 'Enter a name',
  'staff.passwordRequired': 'Enter a password',
  'staff.passwordTooShort': 'The password needs at least 10 characters',
  'staff.passwordSameAsLogin': 'The password must differ from the login',
  'staff.organisationRequired': 'Choose an organisation',
  'staff.rolesRequired': 'Choose at least one role',
  'staff.rolesHint': 'Only roles that fit the chosen kind of organisation are listed.',
  'staff.chooseOrganisationFirst': 'Choose the organisation first',
  'staff.created': 'Added {name}',
  'staff.saved': 'Saved',
  'staff.disabledDone': 'Disabled {name}',
  'staff.enabledDone': 'Enabled {name}',
  'staff.passwordResetDone': 'Reset the password of {name}',
  'staff.editTitle': 'Edit staff: {name}',
  'staff.resetTitle': 'Reset password: {name}',

  'tokens.title': 'API tokens',
  'tokens.intro':
    'API tokens let programs call the API on behalf of your organisation (header Authorization: Bearer <token>).',
  'tokens.new': 'New token',
  'tokens.name': 'Name',
  'tokens.prefix': 'Prefix',
  'tokens.roles': 'Roles',
  'tokens.createdBy': 'Created by',
  'tokens.createdAt': 'Created',
  'tokens.lastUsed': 'Last used',
  'tokens.neverUsed': 'Never',
  'tokens.status': 'Status',
  'tokens.active': 'Active',
  'tokens.revoked': 'Revoked',
  'tokens.revoke': 'Revoke',
  'tokens.confirmRevoke':
    'Revoke the token “{name}”? Programs using it lose access at once; this cannot be undone.',
  'tokens.revokedDone': 'Revoked the token “{name}”',
  'tokens.nameRequired': 'Enter a name',
  'tokens.namePlaceholder': 'e.g. data exchange job',
  'tokens.rolesRequired': 'Choose at least one role',
  'tokens.rolesHint': 'You can only grant roles you hold yourself.',
  'tokens.revealTitle': 'Copy the token now and keep it safe',
  'tokens.revealWarning':
    'The token is shown only this once. After you close this window it cannot be shown again; if you lose it, revoke it and create a new one. Do not send it to anyone or commit it to a repository.',
  'tokens.revealDone': 'I have saved the token',
}

export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en }

export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = messages[lang][key]
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

// --- the current language: a tiny store over localStorage, read with useSyncExternalStore ---

const STORAGE_KEY = 'qinglang.lang'
const listeners = new Set<() => void>()

function readStored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

let current: Lang = readStored()

export function getLang(): Lang {
  return current
}

export function setLang(lang: Lang): void {
  if (lang === current) return
  current = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // Storage may be off (private mode); the choice then lasts until reload.
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang)
}

/** The translator for the current language. */
export function useT(): Translate {
  const lang = useLang()
  return useCallback((key, vars) => translate(lang, key, vars), [lang])
}

/** Picks the Chinese or English of a bilingual value, e.g. a server message or an organisation name. */
export function pick(lang: Lang, zhText: string, enText: string): string {
  return lang === 'zh' ? zhText : enText
}

export function roleKey(role: Role): MessageKey {
  return `role.${role}`
}

export function orgKindKey(kind: OrganisationKind): MessageKey {
  return `org.kind.${kind}`
}
