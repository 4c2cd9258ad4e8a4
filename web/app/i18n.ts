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
  'menu.ledger': '账本',

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

  'ledger.title': '账本',
  'ledger.intro':
    '每一项治理行为都在同一事务中记入只增不改的账本（RFC 9162 默克尔树），本节点定期签署检查点。任何人都可以在浏览器中独立验证某一条目已被签名检查点收录、内容未被改动。',
  'ledger.checkpoint': '最新检查点',
  'ledger.noCheckpoint': '尚未签署检查点',
  'ledger.checkpointSize': '检查点大小',
  'ledger.checkpointRoot': '根哈希',
  'ledger.checkpointTime': '签署时间',
  'ledger.origin': '来源 / 密钥名',
  'ledger.publicKey': '节点公钥',
  'ledger.logSize': '已排序条目',
  'ledger.pending': '待排序条目',
  'ledger.gap': '排序延迟',
  'ledger.gapNone': '无待排序条目',
  'ledger.gapOk': '最早一条已等待 {age}',
  'ledger.gapWarn': '最早一条已等待 {age}，超过预期（排序间隔 {interval}）',
  'ledger.unsigned': '检查点之后又排序了 {n} 条，尚未签署',
  'ledger.note': '签名文本（C2SP signed note）',
  'ledger.sign': '立即签署检查点',
  'ledger.signed': '已签署检查点，大小 {size}',
  'ledger.refresh': '刷新',
  'ledger.age.seconds': '{n} 秒',
  'ledger.age.minutes': '{n} 分钟',
  'ledger.filter.action': '行为',
  'ledger.filter.subjectType': '对象类型',
  'ledger.filter.subjectId': '对象标识',
  'ledger.filter.article': '条款',
  'ledger.filter.actor': '行为人标识',
  'ledger.filter.search': '查询',
  'ledger.filter.reset': '重置',
  'ledger.order.desc': '最新在前',
  'ledger.order.asc': '最早在前',
  'ledger.page.older': '更早',
  'ledger.page.newer': '更新',
  'ledger.page.first': '回到开头',
  'ledger.page.range': '本页序号 {first}–{last}，共 {n} 条；日志共 {size} 条',
  'ledger.page.empty': '日志共 {size} 条；本页没有符合条件的条目',
  'ledger.col.index': '序号',
  'ledger.col.time': '时间',
  'ledger.col.action': '行为',
  'ledger.col.subject': '对象',
  'ledger.col.articles': '条款',
  'ledger.col.actor': '行为人',
  'ledger.col.details': '详情',
  'ledger.actor.staff': '工作人员',
  'ledger.actor.token': 'API 令牌',
  'ledger.actor.system': '系统',
  'ledger.actor.peer': '对等节点',
  'ledger.entry.id': '条目 ID',
  'ledger.entry.ruleVersion': '规则版本',
  'ledger.entry.evidenceDigest': '证据摘要（SHA-256）',
  'ledger.entry.leafData': '叶数据（规范 JSON，即被哈希的字节）',
  'ledger.entry.leafHash': '叶哈希',
  'ledger.verify': '验证',
  'ledger.verify.title': '在浏览器中验证条目 #{index}',
  'ledger.verify.running': '正在浏览器中验证…',
  'ledger.verify.allOk': '验证通过：条目 #{index} 已被节点签名的检查点（大小 {size}）收录，内容未被改动。',
  'ledger.verify.failed': '验证未通过：标红的步骤不成立，此条目、证明或检查点可能已被篡改。',
  'ledger.verify.pendingTitle': '条目 #{index} 晚于最新检查点',
  'ledger.verify.pendingNoCheckpoint': '本节点尚未签署检查点，还无法证明此条目已被收录。',
  'ledger.verify.pendingDetail':
    '最新检查点只覆盖序号 0–{last}（共 {size} 条）。签署新的检查点后即可完成验证。',
  'ledger.verify.pendingWait': '检查点会定期自动签署，请稍后重新验证。',
  'ledger.verify.again': '重新验证',
  'ledger.verify.noCrypto':
    '此页面无法使用 WebCrypto（需通过 HTTPS 或 localhost 访问），无法在浏览器中验证。请改用命令 qinglang ledger verify。',
  'ledger.verify.trust':
    '所有计算都在你的浏览器中完成，只需信任节点公钥 {key}。请将其与公布的节点公钥核对（也记录在条目 #0 node.initialised 中）。',
  'ledger.verify.technical': '技术细节',
  'ledger.verify.computedLeaf': '计算出的叶哈希',
  'ledger.verify.computedRoot': '由证明计算出的根',
  'ledger.verify.signedRoot': '检查点签名的根',
  'ledger.verify.signedSize': '检查点签名的大小',
  'ledger.verify.signedAt': '检查点签署时间',
  'ledger.verify.keyId': '密钥 ID',
  'ledger.verify.step.entry': '条目内容与叶数据一致',
  'ledger.verify.step.leaf': '叶哈希',
  'ledger.verify.step.proof': '收录证明（RFC 9162）',
  'ledger.verify.step.signature': '检查点签名（Ed25519）',
  'ledger.verify.step.root': '根哈希一致',
  'ledger.verify.entry.ok':
    '叶数据是规范 JSON（RFC 8785），其 seq = {index}，ID、时间、行为人、行为、对象、条款、规则版本、证据摘要和详情都与表中显示的一致。',
  'ledger.verify.entry.unparsable': '叶数据不是一个 JSON 对象。',
  'ledger.verify.entry.notCanonical': '叶数据不是规范 JSON（RFC 8785）。',
  'ledger.verify.entry.version': '叶数据格式版本 {v} 无法识别（应为 1）。',
  'ledger.verify.entry.mismatch': '叶数据与表中显示的内容不一致：{fields}。',
  'ledger.verify.leaf.ok': 'SHA-256(0x00 ‖ 叶数据) = {hash}，与服务器列出的叶哈希相同。',
  'ledger.verify.leaf.mismatch': '在浏览器中计算的叶哈希 {computed} 与服务器列出的 {listed} 不同。',
  'ledger.verify.leaf.proofMismatch': '证明所用的叶哈希 {listed} 与在浏览器中计算的 {computed} 不同。',
  'ledger.verify.proof.ok':
    '从叶哈希出发，用 {n} 个兄弟哈希逐层计算到大小为 {size} 的树根，得到 {computed}，等于检查点签名的根。',
  'ledger.verify.proof.noCheckpoint': '没有可读的已签名检查点，无法核对证明。',
  'ledger.verify.proof.size': '证明针对大小 {size} 的树，而检查点签名的大小是 {signedSize}。',
  'ledger.verify.proof.malformed': '证明格式不对：哈希的个数或长度与序号和树大小不符。',
  'ledger.verify.proof.mismatch': '由证明计算出的根 {computed} 与检查点签名的根 {signed} 不同：证明不成立。',
  'ledger.verify.signature.ok':
    '用节点公钥验证了签名行“— {keyName}”（密钥 ID {keyId}）：签名覆盖检查点正文（来源、大小、根、时间）。',
  'ledger.verify.signature.unsupported': '此浏览器的 WebCrypto 不支持 Ed25519，无法验证签名。',
  'ledger.verify.signature.badKey': '节点公钥不是 32 字节的 Ed25519 公钥。',
  'ledger.verify.signature.malformed': '检查点文本不是有效的签名笔记（signed note）。',
  'ledger.verify.signature.missing': '检查点没有来自 {keyName} 的签名行。',
  'ledger.verify.signature.keyId': '签名行的密钥 ID 与节点公钥的密钥 ID {keyId} 不符。',
  'ledger.verify.signature.bad': 'Ed25519 签名验证失败：检查点正文或签名已被改动。',
  'ledger.verify.signature.body': '签名有效，但正文不是检查点格式。',
  'ledger.verify.root.ok': '检查点签名的大小 {size} 和根 {root} 与证明及检查点列表给出的一致。',
  'ledger.verify.root.noCheckpoint': '没有通过签名验证的检查点正文，无法核对根。',
  'ledger.verify.root.mismatch': '检查点签名的根 {root} 与证明给出的根 {claimed}（或检查点列表）不一致。',
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
  'menu.ledger': 'Ledger',

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

  'ledger.title': 'Ledger',
  'ledger.intro':
    'Every governance act is recorded, in the same transaction, in an append-only ledger (an RFC 9162 Merkle tree), and this node signs checkpoints of it. Anyone can check in their own browser that an entry is covered by a signed checkpoint and has not been changed.',
  'ledger.checkpoint': 'Latest checkpoint',
  'ledger.noCheckpoint': 'No checkpoint signed yet',
  'ledger.checkpointSize': 'Checkpoint size',
  'ledger.checkpointRoot': 'Root hash',
  'ledger.checkpointTime': 'Signed at',
  'ledger.origin': 'Origin / key name',
  'ledger.publicKey': 'Node public key',
  'ledger.logSize': 'Sequenced entries',
  'ledger.pending': 'Pending entries',
  'ledger.gap': 'Sequencing gap',
  'ledger.gapNone': 'Nothing pending',
  'ledger.gapOk': 'Oldest waiting {age}',
  'ledger.gapWarn': 'Oldest waiting {age}, longer than expected (sequencing every {interval})',
  'ledger.unsigned': '{n} entries sequenced since the checkpoint, not yet signed',
  'ledger.note': 'Signed note (C2SP)',
  'ledger.sign': 'Sign a checkpoint now',
  'ledger.signed': 'Signed a checkpoint of size {size}',
  'ledger.refresh': 'Refresh',
  'ledger.age.seconds': '{n} s',
  'ledger.age.minutes': '{n} min',
  'ledger.filter.action': 'Action',
  'ledger.filter.subjectType': 'Subject type',
  'ledger.filter.subjectId': 'Subject id',
  'ledger.filter.article': 'Article',
  'ledger.filter.actor': 'Actor id',
  'ledger.filter.search': 'Search',
  'ledger.filter.reset': 'Reset',
  'ledger.order.desc': 'Newest first',
  'ledger.order.asc': 'Oldest first',
  'ledger.page.older': 'Older',
  'ledger.page.newer': 'Newer',
  'ledger.page.first': 'Back to the start',
  'ledger.page.range': 'Indexes {first}–{last}, {n} on this page; {size} in the log',
  'ledger.page.empty': '{size} entries in the log; none on this page match',
  'ledger.col.index': 'Index',
  'ledger.col.time': 'Time',
  'ledger.col.action': 'Action',
  'ledger.col.subject': 'Subject',
  'ledger.col.articles': 'Articles',
  'ledger.col.actor': 'Actor',
  'ledger.col.details': 'Details',
  'ledger.actor.staff': 'Staff',
  'ledger.actor.token': 'API token',
  'ledger.actor.system': 'System',
  'ledger.actor.peer': 'Peer node',
  'ledger.entry.id': 'Entry ID',
  'ledger.entry.ruleVersion': 'Rule version',
  'ledger.entry.evidenceDigest': 'Evidence digest (SHA-256)',
  'ledger.entry.leafData': 'Leaf data (canonical JSON: the bytes that were hashed)',
  'ledger.entry.leafHash': 'Leaf hash',
  'ledger.verify': 'Verify',
  'ledger.verify.title': 'Verify entry #{index} in the browser',
  'ledger.verify.running': 'Verifying in the browser…',
  'ledger.verify.allOk':
    'Verified: entry #{index} is covered by the checkpoint of size {size} that this node signed, and it has not been changed.',
  'ledger.verify.failed':
    'Not verified: the steps in red do not hold. The entry, the proof or the checkpoint may have been tampered with.',
  'ledger.verify.pendingTitle': 'Entry #{index} is newer than the latest checkpoint',
  'ledger.verify.pendingNoCheckpoint':
    'This node has not signed a checkpoint yet, so inclusion cannot be shown.',
  'ledger.verify.pendingDetail':
    'The latest checkpoint covers indexes 0–{last} ({size} entries). Once a newer checkpoint is signed the entry can be verified.',
  'ledger.verify.pendingWait': 'Checkpoints are signed on a timer; verify again in a little while.',
  'ledger.verify.again': 'Verify again',
  'ledger.verify.noCrypto':
    'This page cannot use WebCrypto (it must be served over HTTPS or from localhost), so it cannot verify in the browser. Use `qinglang ledger verify` instead.',
  'ledger.verify.trust':
    'Everything is computed in your browser; the only thing trusted is the node public key {key}. Compare it with the published key of this node (it is also recorded in entry #0, node.initialised).',
  'ledger.verify.technical': 'Technical details',
  'ledger.verify.computedLeaf': 'Computed leaf hash',
  'ledger.verify.computedRoot': 'Root computed from the proof',
  'ledger.verify.signedRoot': 'Signed root',
  'ledger.verify.signedSize': 'Signed size',
  'ledger.verify.signedAt': 'Checkpoint signed at',
  'ledger.verify.keyId': 'Key ID',
  'ledger.verify.step.entry': 'Entry matches its leaf data',
  'ledger.verify.step.leaf': 'Leaf hash',
  'ledger.verify.step.proof': 'Inclusion proof (RFC 9162)',
  'ledger.verify.step.signature': 'Checkpoint signature (Ed25519)',
  'ledger.verify.step.root': 'Roots agree',
  'ledger.verify.entry.ok':
    'The leaf data is canonical JSON (RFC 8785) with seq = {index}, and its id, time, actor, action, subject, articles, rule version, evidence digest and details are the ones shown in the table.',
  'ledger.verify.entry.unparsable': 'The leaf data is not a JSON object.',
  'ledger.verify.entry.notCanonical': 'The leaf data is not canonical JSON (RFC 8785).',
  'ledger.verify.entry.version': 'Leaf format version {v} is unknown (expected 1).',
  'ledger.verify.entry.mismatch': 'The leaf data differs from what the table shows: {fields}.',
  'ledger.verify.leaf.ok': 'SHA-256(0x00 ‖ leaf data) = {hash}, the leaf hash the server lists.',
  'ledger.verify.leaf.mismatch':
    'The leaf hash computed in the browser, {computed}, differs from the listed {listed}.',
  'ledger.verify.leaf.proofMismatch':
    'The proof is for leaf hash {listed}, not the {computed} computed in the browser.',
  'ledger.verify.proof.ok':
    'From the leaf hash up through {n} sibling hashes to the root of the tree of {size} entries: {computed}, the signed root.',
  'ledger.verify.proof.noCheckpoint': 'There is no readable signed checkpoint to check the proof against.',
  'ledger.verify.proof.size':
    'The proof is for a tree of {size} entries, but the signed size is {signedSize}.',
  'ledger.verify.proof.malformed':
    'The proof is malformed: its number or length of hashes does not fit the index and tree size.',
  'ledger.verify.proof.mismatch':
    'The root computed from the proof, {computed}, differs from the signed root {signed}: the proof fails.',
  'ledger.verify.signature.ok':
    'The signature line “— {keyName}” (key ID {keyId}) verifies with the node public key over the checkpoint body (origin, size, root, time).',
  'ledger.verify.signature.unsupported':
    'This browser’s WebCrypto has no Ed25519, so the signature cannot be checked.',
  'ledger.verify.signature.badKey': 'The node public key is not a 32-byte Ed25519 key.',
  'ledger.verify.signature.malformed': 'The checkpoint text is not a valid signed note.',
  'ledger.verify.signature.missing': 'The checkpoint has no signature line by {keyName}.',
  'ledger.verify.signature.keyId': 'No signature line carries the key ID of the node public key, {keyId}.',
  'ledger.verify.signature.bad':
    'The Ed25519 signature does not verify: the checkpoint body or the signature was changed.',
  'ledger.verify.signature.body': 'The signature verifies, but the body is not a checkpoint.',
  'ledger.verify.root.ok':
    'The signed size {size} and root {root} are the ones the proof and the checkpoint listing give.',
  'ledger.verify.root.noCheckpoint':
    'No checkpoint body passed the signature check, so the roots cannot be compared.',
  'ledger.verify.root.mismatch':
    'The signed root {root} differs from the root the proof gives, {claimed} (or from the checkpoint listing).',
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
