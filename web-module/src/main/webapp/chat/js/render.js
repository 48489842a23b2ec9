// Renders messages with textContent only: customer and merchant text is never parsed as HTML.
import { t } from './i18n.js';

const log = () => document.getElementById('log');
const isSeq = (n) => Number.isInteger(n) && n > 0;

/** How long "the shop is typing" stays up when no typing frame refreshes it. */
const TYPING_SHOWN_MS = 6000;
let typingTimer;

/** How long a draft stays up when neither a newer draft nor the answer follows. */
const DRAFT_SHOWN_MS = 30000;
/** inReplyTo → the timer that removes that draft. */
const draftTimers = new Map();

/** The message table's key for who wrote a message (the label follows the language switch). */
function who(sender) {
  return sender === 'CUSTOMER' ? 'you' : sender === 'STAFF' ? 'staff' : 'bot';
}

export function showMessage({ id, seq, sender, text, inReplyTo, source }, pending = false) {
  const existing = document.querySelector(`[data-id="${CSS.escape(id)}"]`);
  const el = existing ?? document.createElement('div');
  el.className = `msg ${sender === 'CUSTOMER' ? 'customer' : 'merchant'}${pending ? ' pending' : ''}`;
  el.dataset.id = id;
  if (seq) el.dataset.seq = String(seq);
  if (sender !== 'CUSTOMER' && isSeq(inReplyTo)) {
    el.dataset.inReplyTo = String(inReplyTo);
    dropDraft(inReplyTo); // the answer takes the place of its draft
  }
  el.replaceChildren();
  const label = document.createElement('span');
  label.className = 'who';
  label.dataset.i18n = who(sender);
  label.textContent = t(label.dataset.i18n);
  const body = document.createElement('span');
  body.className = 'text';
  body.dataset.user = ''; // what people wrote: never translated
  body.textContent = text;
  el.append(label, body);
  if (sender !== 'CUSTOMER' && typeof source === 'string' && source) el.append(sourceLabel(source));
  if (!existing) {
    // In seq order, whatever order frames arrive in (relayed frames may overtake each other).
    const later = seq ? [...log().querySelectorAll('.msg[data-seq]')].find((m) => Number(m.dataset.seq) > seq) : null;
    if (later) later.before(el);
    else log().append(el);
  }
  log().scrollTop = log().scrollHeight;
}

/** The discreet line under a shop answer saying what it rests on: "来源：常见问题 · 第3条". */
function sourceLabel(source) {
  const line = document.createElement('small');
  line.className = 'source';
  const prefix = document.createElement('span');
  prefix.dataset.i18n = 'source';
  prefix.textContent = t('source');
  const name = document.createElement('span');
  name.className = 'source-name';
  name.dataset.user = '';
  name.textContent = source;
  line.append(prefix, name);
  return line;
}

/**
 * The shop's welcome line as the first bubble of an empty chat: the shop's own line, or the default
 * built from its name (in the page's language). Shown, not stored: it has no seq, and is not a
 * message of the conversation. Calling it again refreshes the default's language.
 */
export function showWelcome(line, merchantName) {
  let el = log().querySelector('.msg.welcome');
  if (!el) {
    el = document.createElement('div');
    el.className = 'msg welcome';
    const label = document.createElement('span');
    label.className = 'who';
    label.dataset.user = ''; // the shop's name
    const body = document.createElement('span');
    body.className = 'text';
    body.dataset.user = ''; // the shop's own line, or the default built around its name
    el.append(label, body);
    log().prepend(el);
  }
  el.querySelector('.who').textContent = merchantName;
  el.querySelector('.text').textContent = line || t('welcome').replace('{name}', merchantName);
}

/** Whether the chat shows no message yet (the welcome line and notices are not messages). */
export function isEmpty() {
  return !log().querySelector('.msg:not(.welcome)');
}

/**
 * The shop's answer to message inReplyTo as far as it has been written: one bubble per question,
 * marked as being written, its text replaced by each newer draft (a draft is the whole text so far).
 * The answer itself replaces it (showMessage); with no newer draft and no answer it goes after 30 s.
 */
export function showDraft({ inReplyTo, text }) {
  if (!isSeq(inReplyTo) || typeof text !== 'string') return;
  // Relayed frames may overtake each other: a draft arriving after its answer is stale.
  if (log().querySelector(`.msg.merchant[data-in-reply-to="${inReplyTo}"]`)) return;
  let el = log().querySelector(`.msg.drafting[data-draft="${inReplyTo}"]`);
  if (!el) {
    el = document.createElement('div');
    el.className = 'msg merchant drafting';
    el.dataset.draft = String(inReplyTo);
    el.setAttribute('aria-busy', 'true'); // screen readers wait for the answer instead of reading every draft
    const label = document.createElement('span');
    label.className = 'who';
    label.dataset.i18n = 'drafting';
    label.textContent = t('drafting');
    const span = document.createElement('span');
    span.className = 'text';
    el.append(label, span);
    log().append(el);
  }
  const body = el.querySelector('.text');
  // An older draft overtaken by a newer one (the beginning of what is shown) changes nothing.
  if (body.textContent.length > text.length && body.textContent.startsWith(text)) return;
  body.textContent = text;
  clearTimeout(draftTimers.get(inReplyTo));
  draftTimers.set(inReplyTo, setTimeout(() => dropDraft(inReplyTo), DRAFT_SHOWN_MS));
  log().scrollTop = log().scrollHeight;
}

/** Removes the draft of the answer to message inReplyTo, if one is shown. */
export function dropDraft(inReplyTo) {
  clearTimeout(draftTimers.get(inReplyTo));
  draftTimers.delete(inReplyTo);
  log().querySelector(`.msg.drafting[data-draft="${inReplyTo}"]`)?.remove();
}

/** Removes every draft (the AI no longer answers: staff took over, the conversation closed or queued). */
export function dropDrafts() {
  for (const inReplyTo of [...draftTimers.keys()]) dropDraft(inReplyTo);
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
  log().scrollTop = log().scrollHeight;
}

/** The 转人工 line: the conversation went to staff, and who answers (a name is plain text, never markup). */
export function handedToStaff(by) {
  if (!by) { notice('handoffAnon'); return; }
  const el = document.createElement('p');
  el.className = 'notice';
  el.dataset.by = by;
  fillHandoff(el);
  log().append(el);
  log().scrollTop = log().scrollHeight;
}

/** The 转人工 lines and the read receipts in the page's language (after a switch of language). */
export function relabelHandoffs() {
  log().querySelectorAll('.notice[data-by]').forEach(fillHandoff);
  log().querySelectorAll('.msg.customer[data-receipt]').forEach((el) => { el.dataset.receipt = t('read'); });
}

/** The 转人工 line in the page's language around the staff member's name (a span of its own: their data). */
function fillHandoff(el) {
  const [before, after = ''] = t('handoff').split('{by}');
  const name = document.createElement('span');
  name.dataset.user = '';
  name.textContent = el.dataset.by;
  el.replaceChildren(before, name, after);
}

export function status(state) {
  const el = document.getElementById('status');
  el.dataset.state = state;
  el.dataset.i18n = state;
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
