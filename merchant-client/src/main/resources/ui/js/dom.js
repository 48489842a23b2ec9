// The DOM helpers every screen uses. Text only ever goes in through textContent.
import { say, t } from './i18n.js';

export function byId(id) {
  return document.getElementById(id);
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** An element holding what shops or customers wrote (names, messages, knowledge): never translated. */
export function userEl(tag, className, text) {
  const node = el(tag, className, text);
  node.dataset.user = '';
  return node;
}

/**
 * A screen's status line: its words (a function, so a language switch words it again; a string stays as it
 * is) and `kind` ('info' or 'error') for the colour.
 */
export function feedback(id, words, kind = 'info') {
  const node = byId(id);
  node.dataset.kind = kind;
  if (typeof words === 'function') {
    say(node, words);
  } else {
    delete node.dataset.live;
    node.textContent = words;
  }
}

/**
 * t(key, params) as nodes for append()/replaceChildren(): the values named in `user` (all by default) go in
 * data-user spans, as they are the shop's or customer's words inside ours.
 */
export function tUser(key, params, user = Object.keys(params)) {
  const marks = Object.fromEntries(Object.keys(params).map((k) => [k, `\u0000${k}\u0000`]));
  return t(key, marks).split('\u0000').map((part, i) => {
    if (i % 2 === 0) return part;
    const value = String(params[part] ?? '');
    return user.includes(part) ? userEl('span', null, value) : value;
  }).filter((part) => part !== '');
}
