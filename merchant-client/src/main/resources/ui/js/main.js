// Start-up and wiring: navigation, language, bridge events, the reply box.
import { request, on, release } from './bridge.js';
import { LANGUAGES, setLanguage, translate, t, tOr, language, errorText } from './i18n.js';
import { Store } from './store.js';
import { renderStatus, renderQr, renderStats, renderUnread, renderConversationList, renderTranscript, toast } from './render.js';
import { wireScreens, loadQr, loadSettings, loadSystem, renderSystem, loadTasks } from './screens.js';
import { wireKnowledge, loadKnowledge, relabelKnowledge } from './knowledge.js';
import { wireUpdate, renderUpdate, relabelUpdate } from './update.js';
import { wireAutomation, loadAutomation } from './automation.js';
import { wireLearning, loadConversationQuestions } from './learning.js';
import { byId, feedback, tUser } from './dom.js';
import { loadOpenQuestions, renderTrend } from './overview.js';
import { paced } from './pace.js';
import { applyGlass } from './glass.js';

const VIEWS = ['overview', 'conversations', 'qr', 'knowledge', 'automation', 'settings', 'status'];
const LOADERS = { overview: () => { loadTasks(); loadOpenQuestions(); if (store.trends) renderTrend(store.trends); }, qr: loadQr, knowledge: loadKnowledge, automation: loadAutomation, settings: loadSettings, status: loadSystem };
const LANGUAGE_KEY = 'alpha01.lang';
const store = new Store();
let view = 'overview';

function renderAll() {
  renderStatus(store.status);
  renderQr(store.qr);
  renderUnread(store);
  stale.delete('badge');
  if (view === 'conversations') renderConversations();
  if (view === 'overview') {
    stale.delete('stats');
    renderStats(store);
  }
  document.querySelector('.topbar-title').textContent = t(`nav.${view}`);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
  }
}

function renderConversations() {
  for (const part of ['list', 'transcript', 'badge']) stale.delete(part);
  renderUnread(store);
  renderConversationList(store, selectConversation);
  renderTranscript(store);
  reportRead();
}

// Conversation events come in bursts (a busy shop, a reconnect replaying history). They change the
// store at once and mark what they made stale; a paced pass (pace.js: at most 5 a second, in an
// animation frame) draws the stale parts of the screen that is shown. Hidden screens do nothing:
// their parts stay stale and are drawn when shown (renderAll). The unread badge is always visible.
const stale = new Set();
const drawSoon = paced(drawStale);

function changed(...parts) {
  for (const part of parts) stale.add(part);
  drawSoon();
}

/** What a conversation's change made stale: the list and figures, its transcript if it is open. */
function conversationChanged(conversationId) {
  changed('list', 'badge', 'stats');
  if (conversationId === store.selected) changed('transcript');
}

function drawStale() {
  if (stale.delete('badge')) renderUnread(store);
  if (view === 'overview' && stale.delete('stats')) renderStats(store);
  if (view !== 'conversations') return;
  if (stale.delete('list')) renderConversationList(store, selectConversation);
  if (stale.delete('transcript')) {
    renderTranscript(store);
    reportRead();
  }
}

/** Staff have the conversation on screen: the customer's messages up to the newest are read. */
function reportRead() {
  if (view !== 'conversations' || document.visibilityState !== 'visible') return;
  const seq = store.takeUnreportedRead();
  if (seq > 0) {
    request('read', { conversationId: store.selected, seq }).catch((e) => console.warn(`read failed: ${e.code}`));
  }
}

function selectConversation(conversationId) {
  store.select(conversationId);
  feedback('reply-feedback', '');
  renderConversations();
  refreshQuestions(conversationId);
  byId('reply-text').focus();
}

/** The selected conversation's handed-over questions, which staff's replies may add to the knowledge base. */
async function refreshQuestions(conversationId) {
  if (await loadConversationQuestions(conversationId) && conversationId === store.selected) renderTranscript(store);
}

/** An entry was added from the form: the question is resolved, so the screens showing it refresh. */
async function learned(question) {
  toast(() => tUser('kb.learn.saved', { question }));
  await refreshQuestions(store.selected);
  if (view === 'knowledge') loadKnowledge();
  if (view === 'overview') loadOpenQuestions();
}

function show(next) {
  view = VIEWS.includes(next) ? next : 'overview';
  for (const name of VIEWS) byId(`view-${name}`).hidden = name !== view;
  for (const button of document.querySelectorAll('.nav-item')) {
    if (button.dataset.view === view) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  if (view === 'conversations' && !store.selected) {
    const newest = store.sortedConversations()[0];
    if (newest) store.select(newest.conversationId);
  }
  if (view === 'conversations') refreshQuestions(store.selected);
  renderAll();
  LOADERS[view]?.();
}

async function switchLanguage(lang) {
  setLanguage(lang);
  translate();
  renderAll();
  relabelKnowledge();
  relabelUpdate();
  LOADERS[view]?.();
  try {
    localStorage.setItem(LANGUAGE_KEY, language());
  } catch {
    // storage may be unavailable; the Java side keeps the choice too
  }
  try {
    await request('setLanguage', { lang: language() });
  } catch (e) {
    console.warn(`setLanguage failed: ${e.code}`);
  }
}

async function sendReply(event) {
  event.preventDefault();
  const input = byId('reply-text');
  const button = byId('reply-send');
  const text = input.value.trim();
  if (!text || !store.selected || button.disabled) return;
  button.disabled = true;
  feedback('reply-feedback', () => t('reply.sending'));
  try {
    const result = await request('reply', { conversationId: store.selected, text });
    input.value = '';
    feedback('reply-feedback', () => t(result.queued ? 'reply.queued' : 'reply.sent'));
  } catch (e) {
    feedback('reply-feedback', () => t('reply.failed', { message: errorText(e) }), 'error');
  } finally {
    button.disabled = false;
    input.focus();
  }
}

let typingSentAt = 0;

/** Staff are typing in the reply box: tell the customer, at most every 3 s. */
function reportTyping() {
  const typing = byId('reply-text').value.trim().length > 0;
  const now = Date.now();
  if (!store.selected || (typing && now - typingSentAt < 3000) || (!typing && typingSentAt === 0)) return;
  typingSentAt = typing ? now : 0;
  request('typing', { conversationId: store.selected, typing }).catch(() => {});
}

async function conversationAction(action) {
  if (!store.selected) return;
  try {
    await request(action, { conversationId: store.selected });
    feedback('reply-feedback', '');
  } catch (e) {
    feedback('reply-feedback', () => t('conv.actionFailed', { message: errorText(e) }), 'error');
  }
}

function wireNavigation() {
  const items = [...document.querySelectorAll('.nav-item')];
  for (const button of items) {
    button.addEventListener('click', () => show(button.dataset.view));
    button.addEventListener('keydown', (e) => {
      const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      items[(items.indexOf(button) + step + items.length) % items.length].focus();
    });
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => switchLanguage(button.dataset.lang));
  }
  byId('reply-form').addEventListener('submit', (e) => {
    typingSentAt = 1; // the next report says "stopped"
    sendReply(e).finally(reportTyping);
  });
  byId('reply-text').addEventListener('input', reportTyping);
  byId('reply-text').addEventListener('blur', () => {
    if (typingSentAt) {
      typingSentAt = 1;
      byId('reply-text').value.trim() || reportTyping();
    }
  });
  for (const button of document.querySelectorAll('[data-action]')) {
    button.addEventListener('click', () => conversationAction(button.dataset.action));
  }
  byId('sign-in').addEventListener('click', async () => {
    toast(() => t('account.signingIn'));
    try {
      await request('signIn');
    } catch (e) {
      toast(() => errorText(e), 'error');
    }
  });
  wireScreens(switchLanguage);
  wireAutomation();
  wireKnowledge();
  wireUpdate(show);
  wireLearning(learned);
  // A file dropped anywhere but on 知识库 would make Chromium open it in place of the app.
  for (const type of ['dragover', 'drop']) {
    document.addEventListener(type, (event) => {
      if (!Array.from(event.dataTransfer?.types ?? []).includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'none';
    });
  }
  byId('reply-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      byId('reply-form').requestSubmit();
    }
  });
}

function wireEvents() {
  on('status', (status) => {
    store.setStatus(status);
    renderStatus(store.status);
  });
  on('qr', (qr) => {
    store.setQr(qr);
    renderQr(store.qr);
  });
  on('conversation', (conversation) => {
    if (store.upsertConversation(conversation)) conversationChanged(conversation.conversationId);
  });
  on('message', (message) => {
    if (store.addMessage(message)) conversationChanged(message.conversationId);
    // A hand-off's reply, or staff's: the questions staff can add may have changed.
    if (message.conversationId === store.selected && message.sender !== 'CUSTOMER') refreshQuestions(store.selected);
  });
  on('typing', (typing) => {
    if (store.setTyping(typing.conversationId, typing.typing === true) && typing.conversationId === store.selected) {
      changed('transcript');
      setTimeout(() => changed('transcript'), 6100);
    }
  });
  on('notify', (notice) => {
    if (notice.kind === 'notice') {
      // An automation's message: a key and values (a rule's own text is the shop's words).
      const params = notice.params ?? {};
      toast(() => tUser(tOr(`notice.${notice.key}`, '') ? `notice.${notice.key}` : 'notice.RULE_TEXT', params,
        ['text', 'rule', 'reason']), notice.key === 'RULE_FAILED' ? 'warn' : 'info');
      return;
    }
    const key = notice.kind === 'handoff' ? 'notify.handoff' : 'notify.newConversation';
    toast(() => (notice.customer ? tUser(key, { name: notice.customer }) : t(key, { name: t('conv.anonymous') })),
      notice.kind === 'handoff' ? 'warn' : 'info');
  });
  on('followup', (task) => {
    toast(() => tUser('tasks.new', { summary: task.summary }));
    if (view === 'overview') loadTasks();
  });
  on('update', renderUpdate);
  on('trends', (trends) => {
    store.trends = trends;
    if (view === 'overview') renderTrend(trends);
  });
  on('stats', (stats) => {
    store.setServerStats(stats);
    changed('stats');
  });
  on('system', (sys) => {
    if (view === 'status') renderSystem(sys);
  });
  on('read', (read) => {
    if (store.markRead(read.conversationId, read.seq) && read.conversationId === store.selected) changed('transcript');
  });
  document.addEventListener('visibilitychange', reportRead);
}

function applySnapshot(snapshot) {
  applyGlass(snapshot.glass);
  // The desktop app may remember the language itself; its choice wins over this profile's.
  if (LANGUAGES.includes(snapshot.lang) && snapshot.lang !== language()) {
    setLanguage(snapshot.lang);
    translate();
  }
  if (snapshot.status) store.setStatus(snapshot.status);
  if (snapshot.stats) store.setServerStats(snapshot.stats);
  store.setQr(snapshot.qr);
  for (const conversation of Array.isArray(snapshot.conversations) ? snapshot.conversations : []) {
    store.upsertConversation(conversation);
  }
}

async function start() {
  let saved = null;
  try {
    saved = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // ignore: default language
  }
  setLanguage(LANGUAGES.includes(saved) ? saved : 'zh-CN');
  translate();
  applyGlass('auto');
  wireNavigation();
  wireEvents();
  show('overview');
  try {
    applySnapshot(await request('ready'));
  } catch (e) {
    console.error(`ready failed: ${e.code} ${e.message}`);
    store.setStatus({ state: 'offline' });
  } finally {
    release();
    renderAll();
    document.body.dataset.ready = 'true';
  }
}

start();
