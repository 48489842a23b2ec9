import { applyTexts, t, toggleLanguage } from './i18n.js';
import {
  answerer, confirm, dropDrafts, handedToStaff, isEmpty, markRead, notice, relabelHandoffs, shopTyping, showDraft, showMessage,
  showWelcome, status,
} from './render.js';
import { hideRating, offerRating, relabelRated, showRated } from './rating.js';
import { ChatSocket } from './socket.js';

const scan = new URLSearchParams(location.search).get('scan');

async function openSession() {
  const response = await fetch('/api/v1/customer/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'same-origin',
    body: JSON.stringify(scan ? { scan } : {}),
  });
  if (!response.ok) {
    const error = new Error(`session ${response.status}`);
    // The server's database away for a moment (503) or too many requests (429): try again later.
    error.retryable = response.status === 503 || response.status === 429;
    throw error;
  }
  return response.json();
}

/** The shop's welcome (`welcome` frame): its name, and its own line (absent: the page's default). */
let welcome;

/** The state the page last showed (undefined before the first), and the rating of the latest closing. */
let shownState;
let rating;

/** The line in the chat when who answers changes while the page is open: 转人工, back to the AI, closed. */
function stateNotice(state, by) {
  if (shownState === undefined || state === shownState) return;
  if (state === 'HUMAN') handedToStaff(by);
  else if (state === 'BOT' && shownState === 'HUMAN') notice('handback');
  else if (state === 'CLOSED') notice('closed');
}

/** An empty chat opens with the shop's welcome line; once shown it stays, and follows the language. */
function greet() {
  if (welcome && (document.querySelector('.msg.welcome') || isEmpty())) showWelcome(welcome.line, welcome.name);
}

function start() {
  applyTexts();
  document.getElementById('lang').addEventListener('click', () => {
    toggleLanguage();
    greet();
    relabelHandoffs();
    relabelRated();
  });
  // Without ?scan= (a sign-in round trip may drop it) the server reads the entry cookie set by /connect.
  const socket = new ChatSocket(openSession, {
    onStatus: status,
    onSession: (session) => {
      // The shop's name replaces the page's title for good: it is the shop's, not a text to translate.
      const title = document.getElementById('merchant');
      delete title.dataset.i18n;
      title.dataset.user = '';
      title.textContent = session.merchantName;
      if (session.state === 'QUEUED' && !document.querySelector('.notice[data-i18n="queued"]')) notice('queued');
    },
    onAck: (ack) => confirm(ack.id, ack.seq),
    onMessage: (message) => {
      if (message.sender !== 'CUSTOMER') shopTyping(false);
      showMessage(message);
    },
    onTyping: (frame) => shopTyping(frame.typing === true),
    // An answer being written shows as a growing bubble, which says more than "typing".
    onDraft: (frame) => { shopTyping(false); showDraft(frame); },
    onWelcome: (frame) => { welcome = { line: frame.welcomeLine, name: frame.merchantName }; },
    onState: (frame) => {
      // The state follows the history the socket replays on opening: with none, the shop greets.
      greet();
      answerer(frame.state, frame.by);
      stateNotice(frame.state, frame.by);
      shownState = frame.state;
      if (frame.state !== 'CLOSED') {
        hideRating();
      } else if (rating && rating.upToSeq >= socket.lastSeq()) {
        showRated(rating.score);
      } else if (!isEmpty()) {
        offerRating(frame.conversationId, socket.lastSeq(), (score, comment) => socket.rate(score, comment));
      }
      // A draft the AI was writing will not be finished once staff took over or the conversation ended or queued.
      if (frame.state !== 'BOT' && frame.state !== 'NEW') dropDrafts();
    },
    onRead: (frame) => markRead(frame.seq),
    onRated: (frame) => { rating = frame; if (shownState === 'CLOSED') showRated(frame.score); },
    onError: () => notice('failed'),
    onRetrying: () => notice('retrying'),
    onIdle: (why) => { status('paused'); notice(why ?? 'idle'); },
    onFatal: () => { notice('entryFailed'); document.getElementById('send').disabled = true; },
  });
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    socket.reportTyping(false);
    const id = socket.sendText(text);
    showMessage({ id, sender: 'CUSTOMER', text }, true);
    input.value = '';
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') socket.wake();
    socket.reportRead();
  });
  input.addEventListener('focus', () => socket.wake());
  // The shop sees "typing" while the customer composes, and "stopped" when the box empties or loses focus.
  input.addEventListener('input', () => socket.reportTyping(input.value.trim() !== ''));
  input.addEventListener('blur', () => socket.reportTyping(false));
  socket.connect();
}

start();
