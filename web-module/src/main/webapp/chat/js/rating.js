// The rating card a closed conversation shows (issue 17): 1–5 stars as radio buttons, an optional comment,
// send or skip. Built with DOM calls only: nothing here is parsed as HTML.
import { t } from './i18n.js';

const log = () => document.getElementById('log');
const MAX_COMMENT = 500;

function skipKey(conversationId, upToSeq) {
  return `alpha01.rating.skipped.${conversationId}.${upToSeq}`;
}

/** Removes the card, if one is shown (the conversation reopened, or it was rated in another tab). */
export function hideRating() {
  log().querySelector('.rate')?.remove();
}

/**
 * Shows the card for the closing after message upToSeq, unless the customer skipped that one in this tab.
 * onSubmit(score, comment) sends it; the card stays until the server's `rated` arrives (showRated).
 */
export function offerRating(conversationId, upToSeq, onSubmit) {
  if (log().querySelector('.rate') || sessionStorage.getItem(skipKey(conversationId, upToSeq))) return;
  const form = document.createElement('form');
  form.className = 'rate';
  form.setAttribute('aria-labelledby', 'rate-title');
  const title = document.createElement('p');
  title.id = 'rate-title';
  title.dataset.i18n = 'rateTitle';
  title.textContent = t('rateTitle');
  const stars = document.createElement('fieldset');
  stars.className = 'stars';
  const legend = document.createElement('legend');
  legend.className = 'visually-hidden';
  legend.dataset.i18n = 'rateScore';
  legend.textContent = t('rateScore');
  stars.append(legend);
  // Highest first, laid out reversed (row-reverse): "checked ~ label" then lights the star chosen and those before it.
  for (let score = 5; score >= 1; score -= 1) {
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'score';
    input.value = String(score);
    input.id = `rate-${score}`;
    input.required = true;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = '★';
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.dataset.i18n = `rate${score}`;
    hidden.textContent = t(`rate${score}`);
    label.append(hidden);
    stars.append(input, label);
  }
  const commentLabel = document.createElement('label');
  commentLabel.htmlFor = 'rate-comment';
  commentLabel.className = 'visually-hidden';
  commentLabel.dataset.i18n = 'rateComment';
  commentLabel.textContent = t('rateComment');
  const comment = document.createElement('textarea');
  comment.id = 'rate-comment';
  comment.rows = 2;
  comment.maxLength = MAX_COMMENT;
  comment.dataset.i18nPlaceholder = 'rateComment';
  comment.placeholder = t('rateComment');
  const actions = document.createElement('div');
  actions.className = 'rate-actions';
  const send = document.createElement('button');
  send.type = 'submit';
  send.dataset.i18n = 'rateSubmit';
  send.textContent = t('rateSubmit');
  const skip = document.createElement('button');
  skip.type = 'button';
  skip.className = 'skip';
  skip.dataset.i18n = 'rateSkip';
  skip.textContent = t('rateSkip');
  skip.addEventListener('click', () => {
    sessionStorage.setItem(skipKey(conversationId, upToSeq), '1');
    hideRating();
  });
  actions.append(send, skip);
  form.append(title, stars, commentLabel, comment, actions);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const score = Number(new FormData(form).get('score'));
    if (!(score >= 1 && score <= 5)) return;
    send.disabled = true;
    onSubmit(score, comment.value.trim());
  });
  log().append(form);
  log().scrollTop = log().scrollHeight;
}

/** The thank-you line in the page's language (after a switch of language). */
export function relabelRated() {
  const line = log().querySelector('.notice.rated');
  if (line) showRated(Number(line.dataset.score));
}

/** The rating is stored: the card gives way to a thank-you line with the stars given (once). */
export function showRated(score) {
  hideRating();
  let line = log().querySelector('.notice.rated');
  if (!line) {
    line = document.createElement('p');
    line.className = 'notice rated';
    log().append(line);
  }
  line.dataset.score = String(score);
  line.textContent = `${t('rated')} ${'★'.repeat(score)}${'☆'.repeat(5 - score)}`;
}
