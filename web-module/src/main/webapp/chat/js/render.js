// Renders messages with textContent only: customer and merchant text is never parsed as HTML.
import { t } from './i18n.js';

const log = () => document.getElementById('log');

/** How long "the shop is typing" stays up when no typing frame refreshes it. */
const TYPING_SHOWN_MS = 6000;
let typingTimer;

function who(sender) {
  return sender === 'CUSTOMER' ? t('you') : sender === 'STAFF' ? t('staff') : t('bot');
}

export function showMessage({ id, seq, sender, text }, pending = false) {
  const existing = document.querySelector(`[data-id="${CSS.escape(id)}"]`);
  const el = existing ?? document.createElement('div');
  el.className = `msg ${sender === 'CUSTOMER' ? 'customer' : 'merchant'}${pending ? ' pending' : ''}`;
  el.dataset.id = id;
  if (seq) el.dataset.seq = String(seq);
  el.replaceChildren();
  const label = document.createElement('span');
  label.className = 'who';
  label.textContent = who(sender);
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  el.append(label, body);
  if (!existing) {
    // In seq order, whatever order frames arrive in (relayed frames may overtake each other).
    const later = seq ? [...log().querySelectorAll('.msg[data-seq]')].find((m) => Number(m.dataset.seq) > seq) : null;
    if (later) later.before(el);
    else log().append(el);
  }
  log().scrollTop = log().scrollHeight;
}

export function confirm(id, seq) {
  const el = document.querySelector(`[data-id="${CSS.escape(id)}"]`);
  if (el) {
    el.classList.remove('pending');
    el.dataset.seq = String(seq);
  }
}

/** The shop has read the customer's messages up to seq. */
export function markRead(seq) {
  for (const el of document.querySelectorAll('.msg.customer[data-seq]')) {
    if (Number(el.dataset.seq) <= seq) el.dataset.receipt = t('read');
  }
}

export function notice(key) {
  const el = document.createElement('p');
  el.className = 'notice';
  el.dataset.i18n = key;
  el.textContent = t(key);
  log().append(el);
}

export function status(state) {
  const el = document.getElementById('status');
  el.dataset.state = state;
  el.textContent = t(state);
}

/** Who answers now (state frame): a translated line, and the staff member's name as plain text. */
export function answerer(state, by) {
  const el = document.getElementById('answerer');
  el.dataset.i18n = `answer${state}`;
  el.textContent = t(el.dataset.i18n);
  document.getElementById('answerer-by').textContent = state === 'HUMAN' && by ? `· ${by}` : '';
}

/** The shop is writing (true) or stopped (false); shown at most 6 s after the last "typing". */
export function shopTyping(active) {
  const el = document.getElementById('typing');
  clearTimeout(typingTimer);
  el.hidden = !active;
  if (active) typingTimer = setTimeout(() => { el.hidden = true; }, TYPING_SHOWN_MS);
}
