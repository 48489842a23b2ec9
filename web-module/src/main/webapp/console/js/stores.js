// 门店: every store the admin runs with its live state, as cards and as a table (CSV).
import { duration, el, num, pct } from './dom.js';
import { language, t } from './i18n.js';
import { tableCard } from './tables.js';

function fact(dl, labelKey, value) {
  dl.append(el('dt', null, t(labelKey)), el('dd', null, value));
}

function card(store) {
  const lang = language();
  const section = el('section', 'glass card store');
  section.dataset.store = store.code;
  const title = el('h2');
  const name = el('span', null, store.name);
  name.dataset.user = '';
  name.id = `store-name-${store.code}`;
  title.append(name);
  const online = store.clientsOnline > 0;
  const chip = el('span', online ? 'chip' : 'chip off', `${t(online ? 'store.online' : 'store.offline')} ${store.clientsOnline}/${store.clients}`);
  title.append(' ', chip);
  const dl = el('dl', 'store-state');
  fact(dl, 'store.open', num(store.open, lang));
  fact(dl, 'store.waiting', num(store.waiting, lang));
  fact(dl, 'store.today', num(store.today?.conversations ?? 0, lang));
  fact(dl, 'store.messages', num(store.today?.messages ?? 0, lang));
  fact(dl, 'store.firstReply', duration(store.today?.firstReplyP50, t));
  fact(dl, 'store.aiRate', store.today ? pct(store.today.aiAnswerRate, lang) : '—');
  const links = el('p', 'store-links');
  for (const [view, key] of [['analytics', 'store.details'], ['qr', 'store.qr'], ['staff', 'store.staff']]) {
    const link = el('a', 'ghost', t(key));
    link.href = `#/${view}/${encodeURIComponent(store.code)}`;
    link.setAttribute('aria-describedby', name.id);
    links.append(link);
  }
  section.append(title, dl, links);
  return section;
}

export function renderStores(view, stores) {
  const lang = language();
  const cards = el('div', 'cards');
  cards.append(...stores.map(card));
  const rows = stores.map((s) => [s.name, s.code, s.chain ?? '', `${s.clientsOnline}/${s.clients}`, num(s.open, lang),
    num(s.waiting, lang), num(s.today?.conversations ?? 0, lang), num(s.today?.messages ?? 0, lang),
    { text: duration(s.today?.firstReplyP50, t), csv: s.today?.firstReplyP50 ?? '' }]);
  const table = tableCard('stores.table', 'stores', [{ key: 'store.name', user: true }, { key: 'store.code', user: true },
    { key: 'store.chain', user: true },
    { key: 'store.clients', num: true }, { key: 'store.open', num: true }, { key: 'store.waiting', num: true },
    { key: 'store.today', num: true }, { key: 'store.messages', num: true }, { key: 'store.firstReply', num: true }], rows);
  view.replaceChildren(cards, table);
}
