// A table card: caption, header, rows, and its CSV export. Cells are text; numbers are right-aligned.
import { el } from './dom.js';
import { download } from './csv.js';
import { t } from './i18n.js';

/**
 * columns: [{ key: i18n key, num: boolean, user: boolean }]; rows: arrays of cell values ({text, csv} or plain
 * values). A user column holds the shops' own data (names, questions, comments), marked data-user.
 * Returns the card.
 */
export function tableCard(titleKey, name, columns, rows) {
  const card = el('section', 'glass table-card');
  const head = el('div', 'table-head');
  const title = el('h2', null, t(titleKey));
  const id = `table-${name}`;
  title.id = `${id}-title`;
  const button = el('button', 'ghost', t('csv'));
  button.type = 'button';
  button.dataset.csvFor = id;
  button.setAttribute('aria-describedby', title.id);
  head.append(title, button);
  card.append(head);
  if (!rows.length) {
    card.append(el('p', 'empty', t('empty')));
    button.disabled = true;
    return card;
  }
  const table = el('table');
  table.id = id;
  table.setAttribute('aria-labelledby', title.id);
  const thead = el('thead');
  const tr = el('tr');
  for (const c of columns) {
    const th = el('th', c.num ? 'num' : null, t(c.key));
    th.scope = 'col';
    tr.append(th);
  }
  thead.append(tr);
  const tbody = el('tbody');
  for (const row of rows) {
    const line = el('tr');
    row.forEach((value, i) => {
      const cell = el('td', columns[i].num ? 'num' : null, value && typeof value === 'object' ? value.text : value);
      if (value && typeof value === 'object' && value.csv !== undefined) cell.dataset.csv = String(value.csv);
      if (columns[i].user) cell.dataset.user = '';
      line.append(cell);
    });
    tbody.append(line);
  }
  table.append(thead, tbody);
  card.append(table);
  button.addEventListener('click', () => download(table, name));
  return card;
}
