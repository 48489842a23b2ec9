// One message table for the customer page: zh-CN first, en second.
const MESSAGES = {
  'zh-CN': {
    title: '在线咨询', send: '发送', placeholder: '输入消息…',
    connecting: '正在连接…', online: '已连接', offline: '连接已断开，正在重连…',
    queued: '店员暂时不在线，消息已保存，上线后会第一时间回复您。',
    noEntry: '请扫描店内的二维码开始咨询。', entryFailed: '无法进入会话，请重新扫描二维码。',
    idle: '长时间未操作，连接已断开；回到本页或输入消息即可继续。',
    tooManyTabs: '这个对话打开的标签页太多了；请关闭其他标签页，回到本页即可继续。', paused: '已暂停',
    you: '我', read: '已读', bot: 'AI 助手', staff: '店员', failed: '发送失败，请重试', retrying: '暂时无法发送，稍后自动重试…', typing: '商家正在输入…',
    drafting: '正在回复…',
    answerBOT: 'AI 助手为您服务', answerNEW: 'AI 助手为您服务', answerHUMAN: '店员正在为您服务',
    answerQUEUED: '等待店员上线', answerCLOSED: '会话已结束，发送消息即可重新开始',
    source: '来源：', welcome: '您好，欢迎光临{name}！请问有什么可以帮您？',
    messages: '消息记录', handoff: '已为您转接人工客服，{by} 将为您服务。', handoffAnon: '已为您转接人工客服，请稍候。',
    handback: 'AI 助手继续为您服务。', closed: '本次会话已结束。',
    rateTitle: '请为本次服务评分', rateScore: '评分', rate1: '1 星', rate2: '2 星', rate3: '3 星', rate4: '4 星', rate5: '5 星',
    rateComment: '说说您的感受（选填）', rateSubmit: '提交评价', rateSkip: '跳过', rated: '感谢您的评价！',
  },
  en: {
    title: 'Chat with us', send: 'Send', placeholder: 'Type a message…',
    connecting: 'Connecting…', online: 'Connected', offline: 'Disconnected, reconnecting…',
    queued: 'No staff online right now. Your message is saved and will be answered soon.',
    noEntry: 'Please scan the QR code in the shop to start.', entryFailed: 'Could not open the chat. Please scan the QR code again.',
    idle: 'Disconnected after a long pause; come back or type to continue.',
    tooManyTabs: 'This chat is open in too many tabs; close some and come back to continue.', paused: 'Paused',
    you: 'Me', read: 'Read', bot: 'AI assistant', staff: 'Staff', failed: 'Not sent, please retry', retrying: 'Could not send yet; retrying shortly…',
    typing: 'The shop is typing…', drafting: 'Replying…',
    answerBOT: 'The AI assistant is answering', answerNEW: 'The AI assistant is answering',
    answerHUMAN: 'A staff member is answering', answerQUEUED: 'Waiting for staff to come online',
    answerCLOSED: 'Conversation ended; write to start again',
    source: 'Source: ', welcome: 'Hello, welcome to {name}! How can we help?',
    messages: 'Messages', handoff: 'You are now connected to our staff; {by} will help you.',
    handoffAnon: 'You are now connected to our staff; please wait a moment.',
    handback: 'The AI assistant is answering again.', closed: 'This conversation has ended.',
    rateTitle: 'How did we do?', rateScore: 'Rating', rate1: '1 star', rate2: '2 stars', rate3: '3 stars', rate4: '4 stars',
    rate5: '5 stars', rateComment: 'Tell us more (optional)', rateSubmit: 'Send rating', rateSkip: 'Skip',
    rated: 'Thank you for your rating!',
  },
};

let lang = localStorage.getItem('alpha01.lang') || (navigator.language?.startsWith('zh') ? 'zh-CN' : 'zh-CN');

export function t(key) {
  return MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key] ?? key;
}

export function language() {
  return lang;
}

export function toggleLanguage() {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  localStorage.setItem('alpha01.lang', lang);
  applyTexts();
}

export function applyTexts() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });

  const button = document.getElementById('lang');
  if (button) {
    button.textContent = lang === 'zh-CN' ? 'EN' : '中文';
    button.lang = lang === 'zh-CN' ? 'en' : 'zh-CN'; // the other language's name, in that language
  }
}
