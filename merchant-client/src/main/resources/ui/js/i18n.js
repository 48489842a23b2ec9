// Message tables: one per language, zh-CN first. Keys are shared; {name} placeholders are filled by t().
const MESSAGES = {
  'zh-CN': {
    'app.name': '阿尔法01',
    'app.edition': '商家端',
    'app.title': '阿尔法01 · 商家端',
    'nav.label': '主导航',
    'nav.overview': '总览',
    'nav.conversations': '会话',
    'nav.qr': '二维码',
    'nav.settings': '设置 / 状态',
    'nav.coming': '即将推出',
    'lang.label': '界面语言',
    'status.online': '在线',
    'status.connecting': '连接中…',
    'status.offline': '离线',
    'status.signed-out': '已退出登录',
    'status.unknown': '未知状态',
    'overview.connection': '连接状态',
    'overview.merchant': '商家',
    'overview.staff': '当前店员',
    'overview.server': '服务器',
    'overview.client': '设备编号',
    'overview.qr': '顾客扫码咨询',
    'overview.qrHint': '顾客用手机扫描此二维码，即可开始与店铺对话。',
    'overview.qrMissing': '二维码尚未生成',
    'overview.today': '会话概况',
    'overview.conversations': '会话',
    'overview.waiting': '待人工处理',
    'overview.messages': '消息',
    'conv.list': '会话列表',
    'conv.empty': '还没有会话。顾客扫码后会出现在这里。',
    'conv.pick': '请从左侧选择一个会话',
    'conv.noMessages': '暂无消息',
    'conv.anonymous': '匿名顾客',
    'conv.state.BOT': '机器人接待',
    'conv.state.STAFF': '人工接待',
    'conv.state.WAITING': '等待人工',
    'conv.state.CLOSED': '已结束',
    'sender.CUSTOMER': '顾客',
    'sender.BOT': '机器人',
    'sender.STAFF': '店员',
    'receipt.read': '已读',
    'reply.label': '回复顾客',
    'reply.placeholder': '输入回复，Enter 发送，Shift+Enter 换行',
    'reply.send': '发送',
    'reply.sending': '发送中…',
    'reply.sent': '已发送',
    'reply.queued': '已排队，连接恢复后自动发送',
    'reply.failed': '发送失败：{message}',
    'qr.title': '店铺二维码',
    'qr.hint': '可打印后张贴在收银台或桌面。',
    'settings.title': '设置与状态',
    'settings.coming': '此页面即将推出：账号、知识库与自动化设置。',
    'error.noBridge': '未连接到桌面程序',
  },
  en: {
    'app.name': 'Alpha 01',
    'app.edition': 'Merchant',
    'app.title': 'Alpha 01 · Merchant',
    'nav.label': 'Main navigation',
    'nav.overview': 'Overview',
    'nav.conversations': 'Conversations',
    'nav.qr': 'QR code',
    'nav.settings': 'Settings / Status',
    'nav.coming': 'Coming',
    'lang.label': 'Language',
    'status.online': 'Online',
    'status.connecting': 'Connecting…',
    'status.offline': 'Offline',
    'status.signed-out': 'Signed out',
    'status.unknown': 'Unknown',
    'overview.connection': 'Connection',
    'overview.merchant': 'Merchant',
    'overview.staff': 'Staff on duty',
    'overview.server': 'Server',
    'overview.client': 'Device ID',
    'overview.qr': 'Scan to chat',
    'overview.qrHint': 'Customers scan this code with their phone to start a conversation.',
    'overview.qrMissing': 'No QR code yet',
    'overview.today': 'Conversations at a glance',
    'overview.conversations': 'Conversations',
    'overview.waiting': 'Need staff',
    'overview.messages': 'Messages',
    'conv.list': 'Conversations',
    'conv.empty': 'No conversations yet. They appear here once a customer scans the code.',
    'conv.pick': 'Pick a conversation on the left',
    'conv.noMessages': 'No messages yet',
    'conv.anonymous': 'Anonymous customer',
    'conv.state.BOT': 'Bot answering',
    'conv.state.STAFF': 'Staff answering',
    'conv.state.WAITING': 'Waiting for staff',
    'conv.state.CLOSED': 'Closed',
    'sender.CUSTOMER': 'Customer',
    'sender.BOT': 'Bot',
    'sender.STAFF': 'Staff',
    'receipt.read': 'Read',
    'reply.label': 'Reply to the customer',
    'reply.placeholder': 'Type a reply. Enter sends, Shift+Enter adds a line',
    'reply.send': 'Send',
    'reply.sending': 'Sending…',
    'reply.sent': 'Sent',
    'reply.queued': 'Queued; it will be sent when the connection is back',
    'reply.failed': 'Could not send: {message}',
    'qr.title': 'Shop QR code',
    'qr.hint': 'Print it and place it at the counter or on tables.',
    'settings.title': 'Settings and status',
    'settings.coming': 'Coming soon: account, knowledge base and automation settings.',
    'error.noBridge': 'Not connected to the desktop app',
  },
};

export const LANGUAGES = Object.freeze(Object.keys(MESSAGES));
const FALLBACK = 'zh-CN';
let current = FALLBACK;

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = Object.hasOwn(MESSAGES, lang) ? lang : FALLBACK;
  document.documentElement.lang = current;
  document.title = t('app.title');
  return current;
}

/** The text for key in the current language; {name} placeholders come from params. */
export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES[FALLBACK][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}

/** Fills every data-i18n* element below root: text, placeholder, aria-label, title. */
/** Like t(), but returns fallback when the key is unknown (e.g. a state this UI does not know yet). */
export function tOr(key, fallback) {
  return Object.hasOwn(MESSAGES[current], key) ? t(key) : String(fallback);
}

export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(current, sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
