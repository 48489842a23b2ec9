// The console's message table: zh-CN first, en second. Every text the console shows comes from here
// (store names, staff names, questions and comments are the shops' own data and shown as they are).
const MESSAGES = {
  'zh-CN': {
    brand: '阿尔法01 控制台', skip: '跳到主要内容', nav: '主导航', 'nav.stores': '门店', 'nav.analytics': '数据分析',
    'nav.system': '系统', signOut: '退出登录', language: 'English',
    'role.platform-admin': '平台管理员', 'role.chain-admin': '连锁管理员', 'role.merchant-admin': '店长',
    'live.on': '实时更新中', 'live.off': '实时更新已暂停，正在重连…', loading: '加载中…', empty: '暂无数据',
    failed: '加载失败：{message}', 'error.NOT_FOUND': '没有这家门店', 'error.FORBIDDEN': '没有权限查看',
    'store.clients': '在线终端', 'store.open': '进行中会话', 'store.waiting': '排队等待', 'store.today': '今日会话',
    'store.messages': '今日消息', 'store.firstReply': '首次响应中位数', 'store.aiRate': 'AI 回复占比',
    'store.online': '在线', 'store.offline': '离线', 'store.code': '门店编号', 'store.name': '门店', 'store.chain': '连锁',
    'store.details': '查看数据', 'stores.table': '门店一览', csv: '导出 CSV',
    'period.label': '时间范围', 'period.today': '今天', 'period.7': '近 7 天', 'period.30': '近 30 天', 'period.custom': '自定义',
    'period.from': '开始日期', 'period.to': '结束日期', 'scope.label': '范围', 'scope.chain': '全部门店（连锁汇总）', apply: '查询',
    'kpi.conversations': '会话', 'kpi.customers': '顾客', 'kpi.newCustomers': '新顾客', 'kpi.returning': '回头客',
    'kpi.messages': '消息', 'kpi.firstReplyP50': '首次响应 P50', 'kpi.firstReplyP90': '首次响应 P90',
    'kpi.resolutionP50': '解决时长 P50', 'kpi.resolutionP90': '解决时长 P90', 'kpi.aiRate': 'AI 回复占比',
    'kpi.handOffRate': '转人工率', 'kpi.kbHitRate': '知识库命中率', 'kpi.rating': '平均评分', 'kpi.automation': '自动化成功率',
    'chart.trend': '每日趋势', 'chart.hours': '繁忙时段（顾客消息）', 'chart.ratings': '评分分布', 'chart.funnel': '扫码转化',
    'series.conversations': '会话', 'series.messages': '消息', 'series.newCustomers': '新顾客', 'series.handOffs': '转人工',
    'series.customerMessages': '顾客消息', 'series.count': '条数',
    'funnel.scans': '扫码', 'funnel.valid': '有效', 'funnel.signedIn': '已登录', 'funnel.conversations': '开始会话',
    'funnel.answered': '得到回复',
    'table.days': '按日明细', 'table.staff': '店员接待', 'table.codes': '二维码转化', 'table.scenes': '场景转化',
    'table.unanswered': '未解答的问题', 'table.comments': '顾客评价', 'table.stores': '各门店汇总',
    'col.day': '日期', 'col.conversations': '会话', 'col.newCustomers': '新顾客', 'col.messages': '消息',
    'col.customerMessages': '顾客消息', 'col.aiAnswers': 'AI 回复', 'col.staffAnswers': '人工回复', 'col.handOffs': '转人工',
    'col.unanswered': '未解答', 'col.staff': '店员', 'col.code': '二维码', 'col.scene': '场景', 'col.store': '门店',
    'col.question': '问题', 'col.times': '次数', 'col.lastAsked': '最近一次', 'col.score': '评分', 'col.comment': '评价',
    'col.at': '时间', 'col.firstReplyP50': '首次响应 P50', 'col.aiRate': 'AI 回复占比', 'col.rating': '评分',
    'unit.s': '{n} 秒', 'unit.min': '{n} 分钟', 'unit.h': '{n} 小时', stars: '{n} 星', 'hour': '{n} 时',
    'system.health': '系统状态', 'system.release': '客户端发布', 'system.checks': '检查项', 'system.status': '状态',
    'system.latest': '最新版本', 'system.minimum': '最低版本', 'system.download': '下载地址', 'system.none': '未发布',
    'release.target': '平台', 'release.rollout': '推送比例', 'release.publishedBy': '发布人', 'release.fromEnvironment': '服务器环境变量',
    'release.publish': '发布客户端版本', 'release.url': '安装包地址', 'release.size': '大小（字节）', 'release.sha256': 'SHA-256',
    'release.signature': 'Ed25519 签名', 'release.notes': '更新说明', 'release.published': '已发布 {target} {version}',
    'release.badSignature': '签名不符，未发布：{message}',
    'system.merchants': '全部商家',
    'nav.qr': '二维码', 'nav.staff': '员工', 'store.qr': '二维码', 'store.staff': '员工', 'manage.failed': '操作失败：{message}',
    'qr.label': '名称', 'qr.scene': '场景标签', 'qr.create': '生成二维码', 'qr.image': '新生成的二维码', 'qr.print': '打印',
    'qr.created': '新二维码', 'qr.createdNote': '已生成。现在就可以打印；之后只能通过“重新生成”再次打印。',
    'qr.list': '门店的二维码', 'qr.status': '状态', 'qr.status.ACTIVE': '有效', 'qr.status.EXPIRED': '已过期',
    'qr.status.REVOKED': '已作废', 'qr.status.USED_UP': '已用完', 'qr.createdAt': '生成时间', 'qr.action': '操作',
    'qr.revoke': '作废', 'qr.revokeConfirm': '作废后，顾客扫描这个二维码将无法进入。确定作废吗？', 'qr.revoked': '已作废。',
    'staff.username': '用户名', 'staff.email': '邮箱', 'staff.password': '初始密码（选填）', 'staff.admin': '设为店长',
    'staff.add': '添加员工', 'staff.list': '门店员工', 'staff.name': '姓名', 'staff.role': '角色', 'staff.state': '状态',
    'staff.roleAdmin': '店长', 'staff.roleStaff': '店员', 'staff.enabled': '已启用', 'staff.disabled': '已停用',
    'staff.disable': '停用', 'staff.enable': '启用', 'staff.reset': '重置密码', 'staff.disabledNote': '已停用 {name}，其登录已全部退出。',
    'staff.enabledNote': '已启用 {name}。', 'staff.resetNote': '{name} 的临时密码：{password}（只显示这一次，登录后需修改）',
    'staff.added': '已添加 {name}。',
    'system.kind': '新建', 'system.newMerchant': '门店 / 商家', 'system.newChain': '连锁', 'system.code': '编号（小写字母、数字、-）',
    'system.name': '名称', 'system.chainOf': '所属连锁（选填）', 'system.create': '创建', 'system.created': '已创建 {code}。',
  },
  en: {
    brand: 'Alpha 01 Console', skip: 'Skip to main content', nav: 'Main navigation', 'nav.stores': 'Stores',
    'nav.analytics': 'Analytics', 'nav.system': 'System', signOut: 'Sign out', language: '中文',
    'role.platform-admin': 'Platform admin', 'role.chain-admin': 'Chain admin', 'role.merchant-admin': 'Store manager',
    'live.on': 'Live', 'live.off': 'Live updates paused, reconnecting…', loading: 'Loading…', empty: 'No data yet',
    failed: 'Could not load: {message}', 'error.NOT_FOUND': 'No such store', 'error.FORBIDDEN': 'Not allowed',
    'store.clients': 'Clients online', 'store.open': 'Open conversations', 'store.waiting': 'Waiting', 'store.today': "Today's conversations",
    'store.messages': "Today's messages", 'store.firstReply': 'Median first reply', 'store.aiRate': 'AI answer share',
    'store.online': 'Online', 'store.offline': 'Offline', 'store.code': 'Store code', 'store.name': 'Store', 'store.chain': 'Chain',
    'store.details': 'View figures', 'stores.table': 'All stores', csv: 'Export CSV',
    'period.label': 'Period', 'period.today': 'Today', 'period.7': 'Last 7 days', 'period.30': 'Last 30 days', 'period.custom': 'Custom',
    'period.from': 'From', 'period.to': 'To', 'scope.label': 'Scope', 'scope.chain': 'All stores (chain)', apply: 'Show',
    'kpi.conversations': 'Conversations', 'kpi.customers': 'Customers', 'kpi.newCustomers': 'New customers',
    'kpi.returning': 'Returning', 'kpi.messages': 'Messages', 'kpi.firstReplyP50': 'First reply P50',
    'kpi.firstReplyP90': 'First reply P90', 'kpi.resolutionP50': 'Resolution P50', 'kpi.resolutionP90': 'Resolution P90',
    'kpi.aiRate': 'AI answer share', 'kpi.handOffRate': 'Hand-off rate', 'kpi.kbHitRate': 'Knowledge hit rate',
    'kpi.rating': 'Average rating', 'kpi.automation': 'Automation success',
    'chart.trend': 'Daily trend', 'chart.hours': 'Busiest hours (customer messages)', 'chart.ratings': 'Ratings',
    'chart.funnel': 'QR funnel', 'series.conversations': 'Conversations', 'series.messages': 'Messages',
    'series.newCustomers': 'New customers', 'series.handOffs': 'Hand-offs', 'series.customerMessages': 'Customer messages',
    'series.count': 'Count', 'funnel.scans': 'Scans', 'funnel.valid': 'Valid', 'funnel.signedIn': 'Signed in',
    'funnel.conversations': 'Conversations', 'funnel.answered': 'Answered',
    'table.days': 'By day', 'table.staff': 'Staff', 'table.codes': 'QR codes', 'table.scenes': 'Scenes',
    'table.unanswered': 'Questions without an answer', 'table.comments': 'Customer comments', 'table.stores': 'Stores',
    'col.day': 'Day', 'col.conversations': 'Conversations', 'col.newCustomers': 'New customers', 'col.messages': 'Messages',
    'col.customerMessages': 'Customer messages', 'col.aiAnswers': 'AI answers', 'col.staffAnswers': 'Staff answers',
    'col.handOffs': 'Hand-offs', 'col.unanswered': 'Unanswered', 'col.staff': 'Staff member', 'col.code': 'QR code',
    'col.scene': 'Scene', 'col.store': 'Store', 'col.question': 'Question', 'col.times': 'Times', 'col.lastAsked': 'Last asked',
    'col.score': 'Score', 'col.comment': 'Comment', 'col.at': 'Time', 'col.firstReplyP50': 'First reply P50',
    'col.aiRate': 'AI answer share', 'col.rating': 'Rating',
    'unit.s': '{n} s', 'unit.min': '{n} min', 'unit.h': '{n} h', stars: '{n} stars', hour: '{n}:00',
    'system.health': 'System health', 'system.release': 'Client release', 'system.checks': 'Check', 'system.status': 'Status',
    'system.latest': 'Latest version', 'system.minimum': 'Minimum version', 'system.download': 'Download', 'system.none': 'Not published',
    'release.target': 'Target', 'release.rollout': 'Rollout', 'release.publishedBy': 'Published by', 'release.fromEnvironment': 'Server environment',
    'release.publish': 'Publish a client release', 'release.url': 'Package URL', 'release.size': 'Size (bytes)', 'release.sha256': 'SHA-256',
    'release.signature': 'Ed25519 signature', 'release.notes': 'Release notes', 'release.published': 'Published {target} {version}',
    'release.badSignature': 'Signature does not match; nothing published: {message}',
    'system.merchants': 'All merchants',
    'nav.qr': 'QR codes', 'nav.staff': 'Staff', 'store.qr': 'QR codes', 'store.staff': 'Staff', 'manage.failed': 'Not done: {message}',
    'qr.label': 'Name', 'qr.scene': 'Scene tag', 'qr.create': 'Create QR code', 'qr.image': 'The new QR code', 'qr.print': 'Print',
    'qr.created': 'New QR code', 'qr.createdNote': 'Created. Print it now; later only a re-issue prints it again.',
    'qr.list': "The store's QR codes", 'qr.status': 'Status', 'qr.status.ACTIVE': 'Active', 'qr.status.EXPIRED': 'Expired',
    'qr.status.REVOKED': 'Revoked', 'qr.status.USED_UP': 'Used up', 'qr.createdAt': 'Created', 'qr.action': 'Actions',
    'qr.revoke': 'Revoke', 'qr.revokeConfirm': 'Customers scanning this code will no longer get in. Revoke it?',
    'qr.revoked': 'Revoked.', 'staff.username': 'User name', 'staff.email': 'E-mail', 'staff.password': 'First password (optional)',
    'staff.admin': 'Store manager', 'staff.add': 'Add staff member', 'staff.list': "The store's staff", 'staff.name': 'Name',
    'staff.role': 'Role', 'staff.state': 'State', 'staff.roleAdmin': 'Store manager', 'staff.roleStaff': 'Staff',
    'staff.enabled': 'Enabled', 'staff.disabled': 'Disabled', 'staff.disable': 'Disable', 'staff.enable': 'Enable',
    'staff.reset': 'Reset password', 'staff.disabledNote': '{name} is disabled and signed out everywhere.',
    'staff.enabledNote': '{name} is enabled.', 'staff.resetNote': "{name}'s temporary password: {password} (shown once; to be changed at sign-in)",
    'staff.added': '{name} added.',
    'system.kind': 'New', 'system.newMerchant': 'Store / merchant', 'system.newChain': 'Chain', 'system.code': 'Code (a-z, 0-9, -)',
    'system.name': 'Name', 'system.chainOf': 'Chain (optional)', 'system.create': 'Create', 'system.created': '{code} created.',
  },
};

const KEY = 'alpha01.console.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';

export function language() {
  return lang;
}

export function t(key, vars = {}) {
  const text = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function toggleLanguage() {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  localStorage.setItem(KEY, lang);
  applyTexts();
}

/** The static texts of the page (data-i18n, data-i18n-label) in the current language. */
export function applyTexts() {
  document.documentElement.lang = lang;
  document.title = lang === 'en' ? 'Alpha 01 · Console' : '阿尔法01 · 管理控制台';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  const button = document.getElementById('lang');
  if (button) {
    button.textContent = t('language');
    button.lang = lang === 'en' ? 'zh-CN' : 'en';
  }
}

/** Both tables' keys, for the completeness test. */
export const KEYS = { zh: Object.keys(MESSAGES['zh-CN']), en: Object.keys(MESSAGES.en) };
