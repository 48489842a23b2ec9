// DOM rendering. User-supplied text only ever goes through textContent / createElement.
import { t, tOr, formatTime, place, say } from './i18n.js';
import { byId, el, userEl, tUser } from './dom.js';
import { learnableReplies, learnButton } from './learning.js';

const STATES = new Set(['online', 'connecting', 'offline', 'signed-out']);

export function renderStatus(status) {
  const state = STATES.has(status.state) ? status.state : 'unknown';
  for (const pill of document.querySelectorAll('.status-pill')) {
    pill.dataset.state = state;
    pill.querySelector('.status-text').textContent = t(`status.${state}`);
  }
  byId('status-headline').textContent = t(`status.${state}`);
  byId('status-card').dataset.state = state;
  byId('status-merchant').textContent = status.merchantName || '—';
  byId('status-staff').textContent = status.staffName || '—';
  byId('status-merchant').toggleAttribute('data-user', Boolean(status.merchantName));
  byId('status-staff').toggleAttribute('data-user', Boolean(status.staffName));
  byId('status-server').textContent = status.server || '—';
  byId('status-client').textContent = status.clientId || '—';
  byId('status-latency').textContent = Number.isFinite(status.rttMs) ? t('unit.ms', { n: status.rttMs }) : '—';
  // Offline, or reconnecting after having been online: staff should know replies will wait.
  const offline = state === 'offline' || (state === 'connecting' && status.everOnline);
  const banner = byId('offline-banner');
  banner.hidden = !offline && state !== 'signed-out';
  const TLS = new Set(['untrusted', 'wrong-host', 'expired', 'pin-mismatch', 'trust-store', 'handshake']);
  const tls = TLS.has(status.tlsError) ? status.tlsError : null;
  banner.hidden = banner.hidden && !tls;
  banner.dataset.tls = tls ?? '';
  banner.textContent = tls ? t(`tls.${tls}`) : state === 'signed-out' ? t('signedOut.banner') : t('offline.banner');
  byId('sign-in').hidden = state !== 'signed-out';
}

export function renderQr(qr) {
  for (const figure of document.querySelectorAll('.qr-card .qr-figure')) {
    const img = figure.querySelector('img');
    const url = figure.querySelector('.qr-url');
    const missing = figure.querySelector('.qr-missing');
    img.hidden = !qr;
    missing.hidden = Boolean(qr);
    if (qr) {
      img.src = qr.png;
      url.textContent = qr.url ?? '';
    } else {
      img.removeAttribute('src');
      url.textContent = '';
    }
  }
}

/** Today's figures (on 总览): the server's for the whole shop when known, else this PC's own count. */
export function renderStats(store) {
  const server = store.serverStats;
  const local = store.stats();
  const stats = server ?? local;
  byId('stat-conversations').textContent = String(stats.conversations ?? 0);
  byId('stat-ai-rate').textContent = Number.isFinite(stats.aiAnswerRate) && (stats.answered ?? 0) > 0
    ? `${Math.round(stats.aiAnswerRate * 100)}%` : '—';
  byId('stat-waiting').textContent = String(server ? stats.waitingForStaff ?? 0 : local.waiting);
  byId('stat-messages').textContent = String(stats.customerMessages ?? 0);
  const source = byId('stats-source');
  source.hidden = Boolean(server);
  source.textContent = t('overview.local');
}

/** The count of unread customer messages beside 会话 in the sidebar, on every screen. */
export function renderUnread(store) {
  const badge = byId('nav-unread');
  const unread = [...store.conversations.values()].reduce((sum, c) => sum + c.unread, 0);
  badge.textContent = unread > 99 ? '99+' : String(unread);
  badge.hidden = unread === 0;
}

function customerName(c) {
  return c.customer || t('conv.anonymous');
}

export function renderConversationList(store, onSelect) {
  const list = byId('conversation-list');
  const conversations = store.sortedConversations();
  byId('conversation-empty').hidden = conversations.length > 0;
  list.replaceChildren(...conversations.map((c) => {
    const item = el('li');
    const button = el('button', 'conversation');
    button.type = 'button';
    button.dataset.conversationId = c.conversationId;
    button.setAttribute('aria-current', c.conversationId === store.selected ? 'true' : 'false');
    const avatar = (c.customer ? userEl : el)('span', 'avatar', Array.from(customerName(c))[0]);
    avatar.setAttribute('aria-hidden', 'true');
    const body = el('span', 'conversation-body');
    const top = el('span', 'conversation-top');
    top.append((c.customer ? userEl : el)('span', 'conversation-name', customerName(c)), el('span', 'conversation-time', formatTime(c.updatedAt)));
    const last = store.messagesOf(c.conversationId).at(-1);
    const bottom = el('span', 'conversation-bottom');
    bottom.append((last ? userEl : el)('span', 'conversation-preview', last ? last.text : t('conv.noMessages')));
    // The bot answering is the normal case; only other states need the staff's eye.
    if (c.needsStaff && c.state !== 'HUMAN') bottom.append(el('span', 'chip chip-waiting', t('conv.needsStaff')));
    else if (c.state !== 'BOT') {
      const chip = el('span', `chip chip-${String(c.state).toLowerCase()}`);
      chip.append(...stateLabel(c));
      bottom.append(chip);
    }
    if (c.rating > 0) bottom.append(ratingChip(c));
    if (c.unread > 0) bottom.append(el('span', 'badge', c.unread));
    body.append(top, bottom);
    button.append(avatar, body);
    button.addEventListener('click', () => onSelect(c.conversationId));
    item.append(button);
    return item;
  }));
}

/** The customer's rating as words: "顾客评分 4 星：很好" (the comment is plain text). */
function ratingText(c) {
  const n = String(c.rating);
  return c.ratingComment ? t('conv.ratingComment').replace('{n}', n).replace('{comment}', c.ratingComment)
    : t('conv.rating').replace('{n}', n);
}

/** A small ★★★★ chip in the list; its words for screen readers. */
function ratingChip(c) {
  const chip = el('span', 'chip chip-rating', '★'.repeat(c.rating));
  chip.setAttribute('aria-label', ratingText(c));
  chip.title = ratingText(c);
  return chip;
}

export function renderTranscript(store) {
  const transcript = byId('transcript');
  const c = store.conversations.get(store.selected);
  byId('transcript-empty').hidden = Boolean(c);
  byId('reply-form').hidden = !c;
  const title = byId('transcript-title');
  title.textContent = c ? customerName(c) : t('conv.pick');
  title.toggleAttribute('data-user', Boolean(c?.customer));
  byId('transcript-state').replaceChildren(...(c ? stateLabel(c) : []));
  const rating = byId('transcript-rating');
  rating.hidden = !(c && c.rating > 0);
  if (c && c.rating > 0) {
    rating.replaceChildren('★'.repeat(c.rating), ' ', userEl('span', null, c.ratingComment ?? ''));
    rating.title = ratingText(c);
    rating.setAttribute('aria-label', ratingText(c));
  }
  byId('btn-takeover').hidden = !c || !['NEW', 'BOT', 'QUEUED'].includes(c.state);
  byId('btn-handback').hidden = !c || c.state !== 'HUMAN';
  byId('btn-close').hidden = !c || c.state === 'CLOSED';
  byId('typing').hidden = !c || !(c.typingUntil > Date.now());
  const note = c && c.needsStaff && c.state !== 'CLOSED' && c.note?.reason ? c.note : null;
  byId('handoff-summary').hidden = !note;
  byId('handoff-summary-text').replaceChildren(...(note ? noteParts(note) : []));
  const stick = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  const messages = c ? store.messagesOf(c.conversationId) : [];
  // Staff's replies to questions the assistant handed over: offered for the knowledge base.
  const learnable = c ? learnableReplies(c.conversationId, messages) : new Map();
  transcript.replaceChildren(...messages.map((m) => {
    const sender = ['CUSTOMER', 'BOT', 'STAFF'].includes(m.sender) ? m.sender : 'BOT';
    const item = el('li', `message message-${sender.toLowerCase()}`);
    item.dataset.seq = String(m.seq);
    const meta = el('div', 'message-meta');
    meta.append(el('span', 'message-sender', t(`sender.${sender}`)), el('time', 'message-time', formatTime(m.at)));
    item.append(meta, userEl('p', 'message-text', m.text));
    // Where the assistant's answer came from, in full, when the message says (older ones do not).
    if (sender === 'BOT' && typeof m.source === 'string' && m.source.trim()) {
      const source = el('span', 'message-source');
      source.append(...tUser('conv.source', { source: place(m.source.trim()) }));
      item.append(source);
    }
    if (sender === 'STAFF' && learnable.has(m.seq)) item.append(learnButton(learnable.get(m.seq)));
    if (sender !== 'CUSTOMER' && m.seq <= (c.readUpTo ?? 0)) item.append(el('span', 'message-receipt', t('receipt.read')));
    return item;
  }));
  if (stick) transcript.scrollTop = transcript.scrollHeight;
}

/** The assistant's note on a hand-off: why (in the reader's language), its own words, the last lines. */
function noteParts(note) {
  const parts = [el('span', 'note-reason', tOr(`handoff.reason.${note.reason}`, note.reason))];
  if (note.detail) parts.push(t('auto.textSeparator'), userEl('q', 'note-detail', note.detail));
  const recent = Array.isArray(note.recent) ? note.recent : [];
  if (recent.length > 0) {
    const lines = el('ul', 'note-recent');
    lines.setAttribute('aria-label', t('handoff.recent'));
    lines.append(...recent.map((line) => userEl('li', null, line)));
    parts.push(lines);
  }
  return parts;
}

/** "Staff answering" names the person when the server said who. */
function stateLabel(c) {
  if (c.state === 'HUMAN' && c.by) return tUser('conv.answeredBy', { name: c.by });
  return [tOr(`conv.state.${c.state}`, c.state)];
}

/**
 * A short notice in the corner; it goes away by itself. `words`: a function giving its text or nodes (from
 * tUser()), so a language switch while it shows words it again; or a string shown as it is.
 */
export function toast(words, kind = 'info') {
  const box = byId('toasts');
  const item = el('div', `toast glass toast-${kind}`);
  if (typeof words === 'function') say(item, words);
  else item.textContent = words;
  item.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.append(item);
  while (box.children.length > 4) box.firstElementChild.remove();
  setTimeout(() => item.remove(), 6000);
}
