// Domain errors carry a stable code and data, never an HTTP status. This table is the one place that maps a
// code to a status and to its Chinese and English messages; docs/errors.md lists the same codes (a test checks).

export interface ErrorSpec {
  status: number
  zh: string
  en: string
}

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的请求内容类型',
    en: 'The request content type is not supported',
  },
  BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  NOT_FOUND: { status: 404, zh: '未找到所请求的资源', en: 'The requested resource was not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'You need to sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong login or password' },
  AUTH_SESSION_EXPIRED: {
    status: 401,
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired, sign in again',
  },
  AUTH_TOKEN_INVALID: { status: 401, zh: 'API 令牌无效或已撤销', en: 'The API token is invalid or revoked' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    zh: '缺少或错误的 CSRF 令牌（x-csrf-token 请求头）',
    en: 'Missing or wrong CSRF token (x-csrf-token header)',
  },
  FORBIDDEN: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  ROLE_NOT_FOR_ORGANISATION: {
    status: 400,
    zh: '该角色与所属机构不符',
    en: 'This role does not fit the organisation',
  },
  STAFF_LOGIN_TAKEN: { status: 409, zh: '该登录名已被使用', en: 'This login is already taken' },
  STAFF_NOT_FOUND: { status: 404, zh: '工作人员不存在', en: 'No such staff member' },
  STAFF_SELF_LOCKOUT: {
    status: 409,
    zh: '不能停用自己或移除自己的管理员角色',
    en: 'You cannot disable yourself or remove your own admin role',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    zh: '密码至少 10 个字符，且不能与登录名相同',
    en: 'The password needs at least 10 characters and must differ from the login',
  },
  ORGANISATION_NOT_FOUND: { status: 404, zh: '机构不存在', en: 'No such organisation' },
  TOKEN_NOT_FOUND: { status: 404, zh: 'API 令牌不存在', en: 'No such API token' },
  NODE_ROLE_MISMATCH: {
    status: 409,
    zh: '数据目录属于另一种节点',
    en: 'The data folder belongs to a node of another kind',
  },
  LEDGER_RANGE_INVALID: {
    status: 400,
    zh: '账本范围无效：索引或大小超出已排序的记录',
    en: 'Invalid ledger range: the index or size lies beyond the sequenced log',
  },
  PROTOCOL_WRONG_RECIPIENT: {
    status: 400,
    zh: '报文的接收方不是本节点',
    en: 'The envelope is addressed to another node',
  },
  PROTOCOL_UNKNOWN_SENDER: {
    status: 403,
    zh: '发送方不是本节点已登记且启用的对端节点',
    en: 'The sender is not a registered, active peer of this node',
  },
  PROTOCOL_BAD_SIGNATURE: { status: 401, zh: '报文签名无效', en: 'The envelope signature does not verify' },
  PROTOCOL_STALE: {
    status: 400,
    zh: '报文时间与本节点时钟相差过大',
    en: 'The envelope time is too far from this node’s clock',
  },
  PROTOCOL_UNKNOWN_TYPE: {
    status: 400,
    zh: '本节点不接收该类型的报文',
    en: 'This node does not accept envelopes of this type from this sender',
  },
  PROTOCOL_BODY_INVALID: {
    status: 400,
    zh: '报文内容不符合该类型的格式',
    en: 'The envelope body does not fit its type',
  },
  PROTOCOL_REPLAYED: {
    status: 409,
    zh: '报文编号已被使用但内容不同（重放）',
    en: 'The envelope id was already used with other content (replay)',
  },
  PEER_NOT_FOUND: { status: 404, zh: '对端节点不存在', en: 'No such peer' },
  PEER_EXISTS: { status: 409, zh: '对端节点已登记', en: 'This peer is already registered' },
  PEER_SUSPENDED: { status: 409, zh: '对端节点已停用', en: 'This peer is suspended' },
  OUTBOX_NOT_FOUND: { status: 404, zh: '待发报文不存在', en: 'No such outbox message' },
  USER_AUTH_REQUIRED: { status: 401, zh: '请先登录平台账号', en: 'Sign in to your platform account first' },
  USER_INVALID_CREDENTIALS: { status: 401, zh: '手机号或密码错误', en: 'Wrong phone number or password' },
  USER_SUSPENDED: { status: 403, zh: '账号已被暂停使用', en: 'This account is suspended' },
  USER_PHONE_INVALID: { status: 400, zh: '手机号无效', en: 'The phone number is not valid' },
  USER_PHONE_TAKEN: { status: 409, zh: '该手机号已注册', en: 'This phone number is already registered' },
  IDENTITY_INVALID: {
    status: 400,
    zh: '身份信息未通过核验',
    en: 'The identity details did not pass verification',
  },
  IDENTITY_REJECTED: {
    status: 422,
    zh: '身份核验服务未确认该身份',
    en: 'The identity verification service did not confirm this identity',
  },
  IDENTITY_LIMIT_REACHED: {
    status: 409,
    zh: '该身份已达到可实名的账号数量上限',
    en: 'This identity already verifies the most accounts it may',
  },
  IDENTITY_ALREADY_VERIFIED: {
    status: 409,
    zh: '本账号已完成实名认证',
    en: 'This account is already verified',
  },
  IDENTITY_REQUIRED: {
    status: 403,
    zh: '发布信息、跟帖评论和即时通信前须完成实名认证：请在“我的 → 实名认证”填写姓名和身份证号（《办法》第十三条第二款）',
    en: 'Verify your real identity before publishing, commenting or messaging: enter your name and resident ID number under My account → Identity (A13.2)',
  },
  RULE_DOCUMENT_NOT_FOUND: { status: 404, zh: '规则文件不存在', en: 'No such rule document' },
  RULES_OUTDATED: {
    status: 409,
    zh: '所接受的规则版本已不是现行版本，请阅读现行版本后再接受',
    en: 'That is not the version in force: read the current version and accept it',
  },
  RULES_NOT_ACCEPTED: {
    status: 403,
    zh: '发布前须阅读并接受现行的平台管理规则、平台公约和用户协议（《办法》第十三条第一款）',
    en: 'Read and accept the current management rules, convention and user agreement before publishing (A13.1)',
  },
  CREDIT_POLICY_INVALID: { status: 400, zh: '信用规则不成立', en: 'The credit policy is not consistent' },
  CREDIT_EVENT_NOT_FOUND: { status: 404, zh: '信用记录不存在', en: 'No such credit event' },
  CREDIT_EVENT_NOT_RESTORABLE: {
    status: 409,
    zh: '只有扣分记录可以因申诉成立而恢复',
    en: 'Only a deduction can be restored by an upheld appeal',
  },
  CREDIT_ALREADY_RESTORED: { status: 409, zh: '该扣分已经恢复过', en: 'This deduction was already restored' },
  RULE_SET_INVALID: {
    status: 400,
    zh: '规则集无法编译：请修改所列词条或策略行',
    en: 'The rule set does not compile: fix the entries or policy rows named',
  },
  FALSE_CLAIM_INVALID: {
    status: 400,
    zh: '虚假信息文本过短，无法可靠比对（短语请加入词库）',
    en: 'The false claim is too short to match reliably (short phrases belong in the lexicon)',
  },
  CONTENT_TEXT_EMPTY: { status: 400, zh: '内容不能为空白', en: 'The text must not be blank' },
  CONTENT_PARENT_REQUIRED: {
    status: 400,
    zh: '评论、回复和弹幕须指明所属的帖子或评论（parentId）',
    en: 'A comment, reply or bullet comment needs the post or comment it belongs to (parentId)',
  },
  CONTENT_PARENT_NOT_ALLOWED: {
    status: 400,
    zh: '帖子不能指定上级内容',
    en: 'A post has no parent',
  },
  CONTENT_PARENT_INVALID: {
    status: 422,
    zh: '上级内容不存在、未公开发布或类型不符：评论和弹幕须针对已发布的帖子，回复须针对已发布的评论',
    en: 'The parent does not exist, is not published, or is of the wrong kind: comments and bullet comments go on a published post, replies on a published comment',
  },
  DANMAKU_POSITION_INVALID: {
    status: 400,
    zh: '弹幕须给出时间轴位置（0 至 24 小时内的毫秒数），其他内容不能带时间轴位置',
    en: 'A bullet comment needs a timeline position (milliseconds from 0 to 24 h); other kinds take none',
  },
  CREDIT_PUBLISHING_SUSPENDED: {
    status: 403,
    zh: '账号信用等级过低，发布功能已暂停；可查看信用记录或提出申诉（《办法》第十三条第三款）',
    en: 'Publishing is suspended at this credit tier; see your credit history or appeal (A13.3)',
  },
  DAILY_LIMIT_REACHED: {
    status: 409,
    zh: '今日该类内容的发布数量已达信用等级上限，请明天再试',
    en: 'Today’s limit for this kind of content at your credit tier is reached; try again tomorrow',
  },
  CONTENT_NOT_FOUND: { status: 404, zh: '内容不存在或未公开', en: 'No such published content' },
  REVIEW_CLAIMED_BY_OTHER: {
    status: 409,
    zh: '该内容已由其他审核员认领，请处理其他内容',
    en: 'Another reviewer has claimed this item; take another one',
  },
  REVIEW_ALREADY_DECIDED: {
    status: 409,
    zh: '该内容已经审核完毕',
    en: 'This item has already been decided',
  },
  REVIEW_ESCALATED: {
    status: 409,
    zh: '该内容已提交上级审核，须由审核主管处理',
    en: 'This item was escalated: a lead reviewer decides it',
  },
  PATROL_NOTHING_TO_DO: {
    status: 409,
    zh: '尚未发布任何筛查规则版本，无法巡查',
    en: 'No rule set version has been published yet: there is nothing to patrol with',
  },
  PATROL_NOT_FOUND: { status: 404, zh: '未找到该巡查任务', en: 'No such patrol' },
  PATROL_ITEM_NOT_PUBLISHED: {
    status: 409,
    zh: '该内容当前未公开发布，无需巡查',
    en: 'This item is not published now: there is nothing to patrol',
  },
  DISPOSAL_MEASURES_INVALID: {
    status: 400,
    zh: '处置措施无效：至少选择一项（停止传输、删除、标注虚假、限制传播），删除须同时停止传输',
    en: 'Invalid measures: choose at least one of stop, remove, label, limit; removal needs stop too',
  },
  DISPOSAL_NOT_FOUND: { status: 404, zh: '未找到该处置', en: 'No such disposal' },
  DISPOSAL_ITEM_INVALID: {
    status: 409,
    zh: '该内容已被删除或未通过审核，无需处置',
    en: 'This item was already removed or rejected: there is nothing to dispose of',
  },
  RUMOR_NOT_FOUND: { status: 404, zh: '谣言库中没有该条目', en: 'No such entry in the rumor registry' },
  RETAINED_NOT_FOUND: {
    status: 404,
    zh: '没有该内容的留存副本（未被删除，或已过留存期清除）',
    en: 'No retained copy of this item (it was not removed, or the copy was purged after the retention period)',
  },
  LEGAL_HOLD_EXISTS: {
    status: 409,
    zh: '该内容已处于法律保全中',
    en: 'This item is already under a legal hold',
  },
  LEGAL_HOLD_NOT_FOUND: {
    status: 404,
    zh: '该内容未处于法律保全中',
    en: 'This item is not under a legal hold',
  },
  REPORT_NOT_FOUND: { status: 404, zh: '未找到该举报', en: 'No such report' },
  REPORT_DUPLICATE: {
    status: 409,
    zh: '您已举报过该内容，正在处理中，请通过举报编号查询进度',
    en: 'You have already reported this item and it is being handled: follow it by its tracking number',
  },
  REPORT_RATE_LIMITED: {
    status: 429,
    zh: '举报过于频繁，请稍后再试',
    en: 'Too many reports in a short time; try again later',
  },
  REPORTER_MUTED: {
    status: 403,
    zh: '因多次不实举报，您的举报功能暂停使用',
    en: 'Your reports are paused after repeated unfounded reports',
  },
  REPORT_NOTHING_OPEN: {
    status: 409,
    zh: '该内容没有待处理的举报',
    en: 'There is no open report on this item',
  },
  APPEAL_NOT_FOUND: { status: 404, zh: '未找到该申诉', en: 'No such appeal' },
  APPEAL_NOT_ALLOWED: {
    status: 403,
    zh: '只有被处理内容的发布者可以申诉',
    en: 'Only the author of the item a decision concerns may appeal it',
  },
  APPEAL_NOTHING_TO_APPEAL: {
    status: 409,
    zh: '该内容没有可申诉的处理决定',
    en: 'There is no decision on this item to appeal',
  },
  APPEAL_WINDOW_CLOSED: {
    status: 409,
    zh: '已超过申诉期限',
    en: 'The time to appeal this decision has passed',
  },
  APPEAL_DUPLICATE: {
    status: 409,
    zh: '该内容已有申诉正在处理',
    en: 'An appeal on this item is already being handled',
  },
  APPEAL_SAME_REVIEWER: {
    status: 403,
    zh: '申诉须由原处理人以外的审核员决定',
    en: 'An appeal must be decided by someone other than who made the decision',
  },
  APPEAL_ALREADY_DECIDED: { status: 409, zh: '该申诉已有决定', en: 'This appeal has already been decided' },
  INSPECTION_NOT_FOUND: { status: 404, zh: '未找到该检查', en: 'No such inspection' },
  INSPECTION_INVALID: {
    status: 400,
    zh: '检查须发给平台节点，检查期间须开始于过去、结束晚于开始，且不超过一年',
    en: 'An inspection goes to a platform node, for a period that began in the past, ends after it begins and spans at most a year',
  },
  ORDER_NOT_FOUND: { status: 404, zh: '未找到该指令', en: 'No such order' },
  ORDER_TARGET_INVALID: {
    status: 400,
    zh: '指令须发给平台节点，并指明要处置的内容编号或虚假信息',
    en: 'An order goes to a platform node and names the items or the claim to act on',
  },
  ORDER_DEADLINE_INVALID: {
    status: 400,
    zh: '执行期限须晚于当前时间',
    en: 'The deadline must be in the future',
  },
  ORDER_ALREADY_EXECUTED: { status: 409, zh: '该指令已执行', en: 'This order has already been executed' },
  CLARIFICATION_NOT_FOUND: { status: 404, zh: '未找到该辟谣信息', en: 'No such clarification' },
  CLARIFICATION_STATE: {
    status: 409,
    zh: '辟谣信息当前状态不允许该操作（草稿 → 审核通过 → 发布）',
    en: 'The clarification is not in a state that allows this (draft → approved → published)',
  },
  CLARIFICATION_SELF_APPROVAL: {
    status: 403,
    zh: '辟谣信息须由起草人以外的人员审核',
    en: 'A clarification must be approved by someone other than who drafted it',
  },
  CLARIFICATION_COSIGN_MISSING: {
    status: 409,
    zh: '该辟谣信息须经会签部门会签后才能审核',
    en: 'The department asked to co-sign has not signed yet',
  },
  CLARIFICATION_COSIGN_INVALID: {
    status: 403,
    zh: '只有被请求会签的部门人员可以会签，且会签部门不能是起草部门',
    en: 'Only an officer of the department asked may co-sign, and it cannot be the drafting department',
  },
  PUBLIC_REPORT_NOT_FOUND: {
    status: 404,
    zh: '未找到该举报，请核对查询码',
    en: 'No such report: check the tracking code',
  },
  PUBLIC_REPORT_CONTACT_INVALID: {
    status: 400,
    zh: '联系方式须为手机号码或电子邮箱',
    en: 'The contact must be a mobile number or an email address',
  },
  PUBLIC_REPORT_EVIDENCE_ENCODING: {
    status: 400,
    zh: '证据文件不是有效的 base64 编码',
    en: 'An evidence file is not valid base64',
  },
  PUBLIC_REPORT_EVIDENCE_TOO_LARGE: {
    status: 413,
    zh: '证据文件不能超过 1 MB',
    en: 'An evidence file is larger than 1 MB',
  },
  PUBLIC_REPORT_EVIDENCE_TYPE: {
    status: 415,
    zh: '证据文件的内容与其声明的类型不符（仅接受 PNG、JPEG 图片和 PDF 文件）',
    en: 'An evidence file’s bytes do not match its declared type (PNG, JPEG and PDF only)',
  },
  PUBLIC_REPORT_CLOSED: { status: 409, zh: '该举报已办结', en: 'This report is already closed' },
  PUBLIC_REPORT_NO_IDENTITY: {
    status: 409,
    zh: '举报人未留下姓名或联系方式，没有可启封的信息',
    en: 'The reporter left no name or contact: there is nothing to unseal',
  },
  PUBLIC_REPORT_REASON_NAMES_REPORTER: {
    status: 400,
    zh: '启封理由会记入账本，不得包含举报人的姓名或联系方式',
    en: 'The reason goes on the ledger and must not contain the reporter’s name or contact',
  },
  PUBLIC_REPORT_ALREADY_ROUTED: {
    status: 409,
    zh: '该举报已分办，不能再次分办',
    en: 'This report has already been routed',
  },
  CASE_NOT_FOUND: { status: 404, zh: '未找到该案件', en: 'No such case' },
  CASE_CLOSED: { status: 409, zh: '该案件已结案', en: 'This case is already closed' },
  CASE_ORGANISATION_INVALID: {
    status: 400,
    zh: '该机构不存在，或不是网信部门、协同部门或县级网信办',
    en: 'No such organisation, or it is not the CAC, a partner department or a county office',
  },
  CASE_DEPARTMENT_ALREADY_ON: {
    status: 409,
    zh: '该部门已在本案中',
    en: 'This department is already on the case',
  },
  CASE_LEAD_NOT_OWN: {
    status: 403,
    zh: '只能由本单位主办立案；由其他部门主办须由市网信办立案',
    en: 'You may open a case led by your own organisation; the city CAC opens cases led by others',
  },
  CASE_NOT_COUNTY: {
    status: 409,
    zh: '只有县级案件可以提级到市级',
    en: 'Only a county case can be escalated to the city',
  },
  CASE_TRANSFER_NOT_CAC: {
    status: 403,
    zh: '跨区域移交案件由市网信办办理',
    en: 'Cases are transferred across regions, and transfers answered, by the city CAC',
  },
  CASE_TRANSFER_TARGET_INVALID: {
    status: 400,
    zh: '只能移交给其他地区的监管节点',
    en: 'A case can only be transferred to another region’s regulator node',
  },
  CASE_TRANSFER_PENDING: {
    status: 409,
    zh: '该案件已在移交中，等待对方答复',
    en: 'This case is already being transferred and awaits the answer',
  },
  CASE_TRANSFER_NOT_FOUND: { status: 404, zh: '未找到该移交', en: 'No such case transfer' },
  CASE_TRANSFER_ANSWERED: { status: 409, zh: '该移交已答复', en: 'This transfer has already been answered' },
  CASE_TRANSFER_DUPLICATE: { status: 409, zh: '该移交已收到', en: 'This transfer has already been received' },
  ACCOUNTABILITY_PERIOD_INVALID: {
    status: 400,
    zh: '监督期间无效：起止日期须为有效日期，起始早于截止，且不超过一年',
    en: 'Invalid period: from must be before to, both valid dates, at most a year apart',
  },
  ACCOUNTABILITY_FINDING_UNKNOWN: {
    status: 422,
    zh: '所选问题线索在该期间内不存在，或不属于该工作人员',
    en: 'A chosen finding does not exist in that period or is not about that staff member',
  },
  ACCOUNTABILITY_RECORD_NOT_FOUND: {
    status: 404,
    zh: '未找到该问责记录',
    en: 'No such accountability record',
  },
  ACCOUNTABILITY_ALREADY_CONCLUDED: {
    status: 409,
    zh: '该问责记录已办结',
    en: 'This accountability record has already been concluded',
  },
  BULLETIN_NO_RECIPIENTS: {
    status: 400,
    zh: '请至少选择一个通报对象（部门、县级网信办或平台）',
    en: 'Choose at least one recipient (a department, a county office or a platform)',
  },
  BULLETIN_RECIPIENT_INVALID: {
    status: 400,
    zh: '通报对象不存在，或不能接收通报（本单位、检察机关和未启用的平台除外）',
    en: 'No such recipient, or it cannot receive bulletins (not one’s own organisation, the procuratorate or an inactive platform)',
  },
  BULLETIN_NOT_FOUND: { status: 404, zh: '未找到该通报', en: 'No such bulletin' },
  BULLETIN_NOT_ADDRESSED: {
    status: 409,
    zh: '该通报不是发给本单位的',
    en: 'This bulletin is not addressed to your organisation',
  },
  BULLETIN_ALREADY_ACKNOWLEDGED: {
    status: 409,
    zh: '该通报已确认收悉',
    en: 'This bulletin has already been acknowledged',
  },
  REFERRAL_NOT_FOUND: { status: 404, zh: '未找到该移送', en: 'No such referral' },
  REFERRAL_RECEIVER_INVALID: {
    status: 400,
    zh: '接收机关不存在或不能接收该类移送',
    en: 'No such receiving body, or it cannot receive this kind of referral',
  },
  REFERRAL_CASE_NOT_OURS: {
    status: 409,
    zh: '该案件已移交其他地区，不能再移送',
    en: 'This case was transferred to another region and cannot be referred',
  },
  REFERRAL_MATERIAL_INVALID: {
    status: 400,
    zh: '移送材料不完整：账本记录不存在，或证据缺少摘要',
    en: 'A material is wrong: no such ledger entry, or evidence without its digest',
  },
  REFERRAL_DATE_INVALID: {
    status: 400,
    zh: '日期无效：不能晚于今天，也不能早于上一步骤',
    en: 'Invalid date: not after today and not before the previous step',
  },
  REFERRAL_STEP_NOT_ALLOWED: {
    status: 409,
    zh: '当前阶段不能进行该步骤',
    en: 'This step cannot follow the referral’s current stage',
  },
  REFERRAL_NOT_YOURS: {
    status: 403,
    zh: '该步骤应由其他机关办理',
    en: 'This step falls to another organisation',
  },
  REFERRAL_WINDOW_CLOSED: {
    status: 409,
    zh: '法定期限已过，不能再提出',
    en: 'The statutory period for this request has passed',
  },
  INDIVIDUAL_NOT_FOUND: { status: 404, zh: '未找到该当事人', en: 'No such individual on this case' },
  INDIVIDUAL_TEXT_IDENTIFIES: {
    status: 400,
    zh: '标签、描述或理由中不得出现当事人的真实姓名或身份证号',
    en: 'Labels, descriptions and reasons must not contain the person’s real name or ID number',
  },
  INDIVIDUAL_LAW_UNKNOWN: {
    status: 400,
    zh: '法律依据不存在，或与处理结果不符',
    en: 'Unknown provision, or none that grounds this outcome',
  },
  INDIVIDUAL_REFERRAL_REQUIRED: {
    status: 400,
    zh: '移送追究刑事责任须关联本案向公安机关的移送',
    en: 'A criminal referral must link this case’s referral to public security',
  },
  CONVENTION_NOT_FOUND: { status: 404, zh: '未找到该公约', en: 'No such convention' },
  CONVENTION_ALREADY_SIGNED: {
    status: 409,
    zh: '本平台已签署该公约的这一版本',
    en: 'The platform has already signed this version of the convention',
  },
  CONVENTION_TEXT_MISMATCH: {
    status: 409,
    zh: '签署的文本与发布的版本不一致',
    en: 'The signed text differs from the published version',
  },
  EDUCATION_NOT_FOUND: { status: 404, zh: '未找到该文章', en: 'No such article' },
  CASE_LINK_NOTHING_NEW: {
    status: 409,
    zh: '所选内容均已关联到本案',
    en: 'Everything chosen is already linked to this case',
  },
  ROUTING_RULES_DUPLICATE: {
    status: 400,
    zh: '同一类别、同一县（市、区）只能有一条分派规则',
    en: 'There can be only one routing rule for a category and county',
  },
  CASE_ALREADY_ESCALATED: { status: 409, zh: '该案件已提级', en: 'This case has already been escalated' },
  CASE_ESCALATION_NOT_COUNTY_OFFICE: {
    status: 403,
    zh: '只有本案所在县级网信办可以提请市级办理',
    en: 'Only the county office of the case may escalate it to the city',
  },
  CASE_LINK_NOT_FOUND: {
    status: 400,
    zh: '关联的公众举报、辟谣或平台报告不存在',
    en: 'A linked public report, clarification or platform report does not exist',
  },
  ROUTING_RULES_INCOMPLETE: {
    status: 400,
    zh: '分办规则须为每一类举报设置一条不限区县的规则，且每个类别与区县的组合只能有一条',
    en: 'Routing rules need one rule for each category without a county, and at most one per category and county',
  },
  WORKING_DAY_DATE_INVALID: { status: 400, zh: '日期无效', en: 'Not a valid date' },
  FILING_NOT_FOUND: { status: 404, zh: '未找到该报告', en: 'No such filing' },
  PLATFORM_REPORT_NOT_FOUND: { status: 404, zh: '未找到该平台报告', en: 'No such platform report' },
  PLATFORM_REPORT_BAD_CHECKPOINT: {
    status: 400,
    zh: '报告所附检查点无法用该平台的公钥验证，或与报文内容不符',
    en: 'The report’s checkpoint does not verify with the platform’s key, or disagrees with the envelope',
  },
  PLATFORM_REPORT_BAD_PROOF: {
    status: 400,
    zh: '报告所引用的账本记录未能证明包含在所附检查点中',
    en: 'An entry the report cites is not proven to be in the log of its checkpoint',
  },
  PLATFORM_REPORT_UNRECORDED: {
    status: 400,
    zh: '报告本身未记录在平台账本中：缺少对应的 filing.queued 记录，或其摘要与报告内容不符',
    en: 'The report is not on the platform’s ledger: no filing.queued entry for it, or its digest differs',
  },
  PLATFORM_REPORT_CHECKPOINT_CONFLICT: {
    status: 409,
    zh: '报告所附检查点与本节点已见证的该平台检查点不一致',
    en: 'The report’s checkpoint conflicts with a checkpoint this node witnessed from the platform',
  },
  PLATFORM_REPORT_DUPLICATE: {
    status: 409,
    zh: '已收到该平台的这份报告',
    en: 'This report from this platform was already received',
  },
  MASTER_KEY_WRONG: {
    status: 500,
    zh: '主密钥与数据目录不匹配，无法打开节点密钥',
    en: 'The master key does not open this node’s key: it belongs to other data',
  },
  RECOMMENDATION_MODEL_INVALID: {
    status: 422,
    zh: '推荐模型不成立',
    en: 'The recommendation model is not valid',
  },
  INTERVENTION_INVALID: { status: 422, zh: '人工干预设置不成立', en: 'The intervention is not valid' },
  INTERVENTION_NOT_FOUND: { status: 404, zh: '未找到该人工干预', en: 'No such intervention' },
  INTERVENTION_NOT_ACTIVE: {
    status: 409,
    zh: '该人工干预已撤销或已到期',
    en: 'This intervention was already revoked or has expired',
  },
  INTEREST_NOT_FOUND: { status: 404, zh: '没有这个兴趣标签', en: 'No such interest tag' },
  METRICS_INVALID: {
    status: 400,
    zh: '报送的考核数据不合法或前后矛盾',
    en: 'The evaluation figures are not valid or contradict one another',
  },
  METRICS_PERIOD_OPEN: {
    status: 409,
    zh: '该考核周期尚未结束，不能报送',
    en: 'This evaluation period has not ended yet',
  },
  METRICS_NO_REGULATOR: {
    status: 409,
    zh: '尚未登记监管节点，无法报送考核数据',
    en: 'No regulator peer is registered to send the figures to',
  },
  EVALUATION_INDICATORS_INVALID: {
    status: 400,
    zh: '考核指标或权重设置不合法',
    en: 'The indicators or weights are not valid',
  },
  EVALUATION_PERIOD_INVALID: {
    status: 400,
    zh: '考核周期不合法（如 2026-10 或 2026-Q4，且须已开始）',
    en: 'Not a valid period (2026-10 or 2026-Q4, begun)',
  },
  EVALUATION_NOT_FOUND: { status: 404, zh: '未找到该考核', en: 'No such evaluation run' },
  EVALUATION_ALREADY_PUBLISHED: {
    status: 409,
    zh: '该周期的考核结果已发布',
    en: 'An evaluation of this period is already published',
  },
  EVALUATION_INPUT_INVALID: { status: 400, zh: '评价意见不合法', en: 'The evaluation input is not valid' },
  SURVEY_INVALID: {
    status: 400,
    zh: '问卷填写不完整或选项不存在',
    en: 'The survey answer is incomplete or names an unknown choice',
  },
  PENALTY_CASE_NOT_FOUND: { status: 404, zh: '未找到该行政处罚案件', en: 'No such penalty case' },
  PENALTY_PARTY_UNKNOWN: {
    status: 400,
    zh: '当事人不是已登记的平台节点',
    en: 'The party is not a registered platform node',
  },
  PENALTY_VIOLATIONS_INVALID: {
    status: 400,
    zh: '违反的条款须属于同一罚则（第二十二条至第二十五条），且该日期有有效的处罚幅度',
    en: 'The violated requirements must fall under one article (A22–A25) with bounds in force on the date',
  },
  PENALTY_OUT_OF_BOUNDS: {
    status: 400,
    zh: '处罚种类或金额超出该罚则的法定范围，已记录在案',
    en: 'A measure or amount is outside the legal bounds of the article; the attempt is on the record',
  },
  PENALTY_PROCEDURE_REFUSED: {
    status: 409,
    zh: '行政处罚程序不允许此步骤（顺序、听证申请或通知期限、陈述申辩期限未满）',
    en: 'The penalty procedure does not allow this step now (its order, the hearing window or notice, or the statement period)',
  },
  PENALTY_REVIEWER_IS_INVESTIGATOR: {
    status: 403,
    zh: '法制审核人员不得是本案调查人员',
    en: 'The legal reviewer may not be the officer who investigated the case',
  },
  PENALTY_HEAVIER_THAN_NOTIFIED: {
    status: 409,
    zh: '决定的处罚重于告知的处罚，须重新告知（行政处罚法第四十五条）',
    en: 'The decision is heavier than what the party was told; notify again first',
  },
  PENALTY_LEAD_NOT_CYBERSPACE: {
    status: 403,
    zh: '第二十二条的行政处罚由网信部门作出：须由市网信办或县（市、区）网信办立案办理',
    en: 'A22 penalties are for the cyberspace offices: the case must be opened by the city CAC or a county cyberspace office',
  },
  PENALTY_AGGRAVATION_NOT_FOUND: {
    status: 409,
    zh: '调查终结时未认定拒不改正或者情节严重，告知和决定不得据此适用较重的处罚',
    en: 'The investigation did not find a refusal to correct or serious circumstances; the notice and decision may not rely on them',
  },
  PENALTY_AGGRAVATION_REASON_REQUIRED: {
    status: 400,
    zh: '认定拒不改正或者情节严重的，须写明理由',
    en: 'Give the reason for finding a refusal to correct or serious circumstances',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    zh: '本节点暂不能生成 PDF（未安装 Chromium 或打印失败），请使用可打印的网页版另存为 PDF',
    en: 'This node cannot make the PDF now (no Chromium, or printing failed); print the HTML version to PDF instead',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  NOT_READY: { status: 503, zh: '服务尚未就绪', en: 'The service is not ready' },
} as const satisfies Record<string, ErrorSpec>

export type ErrorCode = keyof typeof ERRORS

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]

export class DomainError extends Error {
  override name = 'DomainError'
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code)
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError
}

/** One problem with one field of a request, in both languages. */
export interface FieldProblem {
  field: string
  zh: string
  en: string
}
