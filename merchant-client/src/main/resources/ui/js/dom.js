// The DOM helpers every screen uses. Text only ever goes in through textContent.

export function byId(id) {
  return document.getElementById(id);
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A screen's status line: its text, and `kind` ('info' or 'error') for the colour. */
export function feedback(id, text, kind = 'info') {
  const node = byId(id);
  node.dataset.kind = kind;
  node.textContent = text;
}
