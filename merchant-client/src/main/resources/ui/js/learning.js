// Learning from staff: the questions the assistant handed over, offered for the knowledge base —
// in 会话 under staff's reply, in 知识库 as the week's list — through one prefilled form (a dialog).
import { request } from './bridge.js';
import { t, formatTime, errorText } from './i18n.js';
import { byId, el, feedback } from './dom.js';

/** conversationId -> its open handed-over questions ({id, seq, text, answer}), as Java last said. */
const openQuestions = new Map();
let afterSave = () => {};

/** Asks Java for a conversation's open handed-over questions; resolves true when they changed. */
export async function loadConversationQuestions(conversationId) {
  if (!conversationId) return false;
  let questions = [];
  try {
    questions = (await request('conversations.unanswered', { conversationId })).questions ?? [];
  } catch (e) {
    console.warn(`conversations.unanswered failed: ${e.code}`);
  }
  const before = JSON.stringify(openQuestions.get(conversationId) ?? []);
  openQuestions.set(conversationId, questions);
  return before !== JSON.stringify(questions);
}

/**
 * What staff's replies in the conversation can teach: for each open question, the first staff message
 * after it, with the question it answers (the latest one when a reply follows several). Keyed by seq.
 */
export function learnableReplies(conversationId, messages) {
  const byReply = new Map();
  const questions = [...(openQuestions.get(conversationId) ?? [])].sort((a, b) => a.seq - b.seq);
  for (const q of questions) {
    const reply = messages.find((m) => m.sender === 'STAFF' && m.seq > q.seq);
    if (reply) byReply.set(reply.seq, { unansweredId: q.id, question: q.text, answer: reply.text });
  }
  return byReply;
}

/** The "加入知识库" button under a staff reply. */
export function learnButton(prefill) {
  const button = el('button', 'ghost small learn-action', t('kb.learn.add'));
  button.type = 'button';
  button.addEventListener('click', () => openLearnForm(prefill));
  return button;
}

/** Opens the form with the customer's question and (when known) staff's answer, both editable. */
export function openLearnForm({ unansweredId = '', question = '', answer = '' }) {
  byId('learn-unanswered-id').value = unansweredId;
  byId('learn-question').value = question;
  byId('learn-answer').value = answer;
  feedback('learn-feedback', '');
  byId('learn-dialog').showModal();
  byId(answer ? 'learn-question' : 'learn-answer').focus();
}

/**
 * One unanswered question as a list item: its words (the customer's: data-user), when and how often it was asked,
 * and the button that opens the learn form with it. Returns the parts for callers that add more.
 */
export function unansweredItem(q) {
  const item = el('li', 'kb-unanswered-item');
  item.dataset.unansweredId = q.id;
  const body = el('div', 'kb-doc-body');
  const meta = [formatTime(q.at)];
  if (q.count > 1) meta.push(t('kb.unanswered.times', { n: q.count }));
  if (q.answer) meta.push(t('kb.unanswered.staffReplied'));
  const text = el('span', 'kb-unanswered-text', q.text);
  text.dataset.user = '';
  body.append(text, el('span', 'kb-doc-meta', meta.join(' · ')));
  const add = el('button', 'ghost small', t('kb.learn.add'));
  add.type = 'button';
  add.dataset.learnAction = 'add';
  add.addEventListener('click', () => openLearnForm({ unansweredId: q.id, question: q.text, answer: q.answer }));
  return { item, body, add };
}

/** 知识库's list of this week's unanswered questions. */
export async function loadUnanswered() {
  let questions;
  try {
    questions = (await request('knowledge.unanswered', {})).questions ?? [];
  } catch (e) {
    console.warn(`knowledge.unanswered failed: ${e.code}`);
    return;
  }
  byId('kb-unanswered-empty').hidden = questions.length > 0;
  byId('kb-unanswered').replaceChildren(...questions.map((q) => {
    const { item, body, add } = unansweredItem(q);
    const dismiss = el('button', 'ghost small', t('kb.unanswered.dismiss'));
    dismiss.type = 'button';
    dismiss.dataset.learnAction = 'dismiss';
    dismiss.addEventListener('click', async () => {
      try {
        await request('knowledge.dismissUnanswered', { id: q.id });
      } catch (e) {
        console.warn(`dismiss failed: ${e.code}`);
      }
      await loadUnanswered();
    });
    const actions = el('div', 'entry-actions');
    actions.append(add, dismiss);
    item.append(body, actions);
    return item;
  }));
}

/** Wires the form; saved(question) runs after an entry was added (the screens refresh). */
export function wireLearning(saved) {
  afterSave = saved;
  byId('learn-cancel').addEventListener('click', () => byId('learn-dialog').close());
  byId('learn-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = byId('learn-question').value.trim();
    const text = byId('learn-answer').value.trim();
    if (!question || !text) return;
    const button = byId('learn-save');
    button.disabled = true;
    try {
      await request('knowledge.add', { question, text, unansweredId: byId('learn-unanswered-id').value });
      byId('learn-dialog').close();
      await afterSave(question);
    } catch (e) {
      feedback('learn-feedback', () => t('kb.failed', { message: errorText(e) }), 'error');
    } finally {
      button.disabled = false;
    }
  });
}
