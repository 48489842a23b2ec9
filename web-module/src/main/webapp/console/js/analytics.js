// 数据分析: a period's figures of one store or of the whole chain — key figures, charts, tables with CSV.
import { bars, lines } from './charts.js';
import { duration, el, num, pct } from './dom.js';
import { language, t } from './i18n.js';
import { tableCard } from './tables.js';

const isoDay = (d) => d.toISOString().slice(0, 10);

/** The period a choice stands for, in days ending today (the server reads days in the shop's zone). */
export function period(choice, from, to) {
  if (choice === 'custom') return { from, to };
  const end = new Date();
  const start = new Date(end);
  start.setDate(end.getDate() - (choice === 'today' ? 0 : Number(choice) - 1));
  return { from: isoDay(start), to: isoDay(end) };
}

function option(value, labelKey, selected) {
  const o = el('option', null, labelKey ? t(labelKey) : value);
  o.value = value;
  o.selected = value === selected;
  return o;
}

/** The toolbar: scope (chain or a store) and period. onApply({scope, choice, from, to}). */
export function toolbar(state, stores, canChain, onApply) {
  const bar = el('form', 'glass toolbar');
  const scopeLabel = el('label', null, t('scope.label'));
  const scope = el('select');
  scope.id = 'scope';
  if (canChain) scope.append(option('', 'scope.chain', state.scope));
  for (const s of stores) {
    const o = option(s.code, null, state.scope);
    o.textContent = s.name;
    o.dataset.user = '';
    scope.append(o);
  }
  scopeLabel.append(scope);
  const periodLabel = el('label', null, t('period.label'));
  const choice = el('select');
  choice.id = 'period';
  for (const [value, key] of [['today', 'period.today'], ['7', 'period.7'], ['30', 'period.30'], ['custom', 'period.custom']]) {
    choice.append(option(value, key, state.choice));
  }
  periodLabel.append(choice);
  const fromLabel = el('label', null, t('period.from'));
  const from = el('input');
  from.type = 'date';
  from.id = 'from';
  from.value = state.from ?? '';
  fromLabel.append(from);
  const toLabel = el('label', null, t('period.to'));
  const to = el('input');
  to.type = 'date';
  to.id = 'to';
  to.value = state.to ?? '';
  toLabel.append(to);
  const custom = () => { fromLabel.hidden = choice.value !== 'custom'; toLabel.hidden = choice.value !== 'custom'; };
  choice.addEventListener('change', custom);
  custom();
  const apply = el('button', 'primary', t('apply'));
  apply.type = 'submit';
  bar.append(scopeLabel, periodLabel, fromLabel, toLabel, apply);
  bar.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply({ scope: scope.value, choice: choice.value, from: from.value, to: to.value });
  });
  return bar;
}

function kpi(labelKey, value) {
  const box = el('div', 'glass kpi');
  box.append(el('span', 'value', value), el('span', 'label', t(labelKey)));
  return box;
}

function chartCard(id, titleKey, summary) {
  const card = el('section', 'glass card');
  const title = el('h2', null, t(titleKey));
  title.id = `${id}-title`;
  const box = el('div', 'chart');
  box.id = id;
  box.setAttribute('role', 'img');
  box.setAttribute('aria-labelledby', title.id);
  box.setAttribute('aria-describedby', `${id}-summary`);
  const text = el('p', 'visually-hidden', summary);
  text.id = `${id}-summary`;
  card.append(title, box, text);
  return card;
}

/** Renders the figures of a period (figures: the API's "figures"; stores: the chain's table, or null). */
export function renderFigures(view, head, figures, chainStores) {
  const lang = language();
  const tot = figures.totals;
  const kpis = el('div', 'kpis');
  kpis.append(
    kpi('kpi.conversations', num(tot.conversations, lang)), kpi('kpi.customers', num(tot.customers, lang)),
    kpi('kpi.newCustomers', num(tot.newCustomers, lang)), kpi('kpi.returning', num(tot.returningCustomers, lang)),
    kpi('kpi.messages', num(tot.messages, lang)), kpi('kpi.firstReplyP50', duration(tot.firstReplyP50, t)),
    kpi('kpi.firstReplyP90', duration(tot.firstReplyP90, t)), kpi('kpi.resolutionP50', duration(tot.resolutionP50, t)),
    kpi('kpi.resolutionP90', duration(tot.resolutionP90, t)), kpi('kpi.aiRate', pct(tot.aiAnswerRate, lang)),
    kpi('kpi.handOffRate', pct(tot.handOffRate, lang)), kpi('kpi.kbHitRate', pct(tot.kbHitRate, lang)),
    kpi('kpi.rating', figures.ratings.average === undefined ? '—' : num(figures.ratings.average, lang, 2)),
    kpi('kpi.automation', figures.automation.runs ? pct(figures.automation.successRate, lang) : '—'));
  // Every day of the period on the axis, days without a conversation as 0.
  const byDay = new Map(figures.days.map((d) => [d.day, d]));
  const days = [];
  for (let d = new Date(`${figures.from}T00:00:00Z`); d <= new Date(`${figures.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  const series = (key) => days.map((d) => byDay.get(d)?.[key] ?? 0);
  const hours = Array.from({ length: 24 }, (_, h) => t('hour', { n: h }));
  const funnelKeys = ['scans', 'valid', 'signedIn', 'conversations', 'answered'];
  const funnelTotals = funnelKeys.map((k) => figures.qrCodes.reduce((sum, c) => sum + c[k], 0));
  const charts = el('div', 'grid2');
  charts.append(
    chartCard('chart-trend', 'chart.trend', figures.days.map((d) => `${d.day}: ${d.conversations}`).join('; ')),
    chartCard('chart-hours', 'chart.hours', figures.hours.map((n, h) => `${hours[h]} ${n}`).join('; ')),
    chartCard('chart-ratings', 'chart.ratings', figures.ratings.byScore.map((n, i) => `${t('stars', { n: i + 1 })} ${n}`).join('; ')),
    chartCard('chart-funnel', 'chart.funnel', funnelKeys.map((k, i) => `${t(`funnel.${k}`)} ${funnelTotals[i]}`).join('; ')));
  const tables = [
    tableCard('table.days', 'days', [{ key: 'col.day' }, { key: 'col.conversations', num: true },
      { key: 'col.newCustomers', num: true }, { key: 'col.messages', num: true }, { key: 'col.customerMessages', num: true },
      { key: 'col.aiAnswers', num: true }, { key: 'col.staffAnswers', num: true }, { key: 'col.handOffs', num: true },
      { key: 'col.unanswered', num: true }],
    figures.days.map((d) => [d.day, d.conversations, d.newCustomers, d.messages, d.customerMessages, d.aiAnswers,
      d.staffAnswers, d.handOffs, d.unanswered])),
    tableCard('table.unanswered', 'unanswered', [{ key: 'col.question', user: true }, { key: 'col.times', num: true },
      { key: 'col.lastAsked' }], figures.unanswered.map((u) => [u.question, u.times, new Date(u.lastAsked).toLocaleString(lang)])),
    tableCard('table.staff', 'staff', [{ key: 'col.staff', user: true }, { key: 'col.conversations', num: true },
      { key: 'col.messages', num: true }], figures.staff.map((s) => [s.name, s.conversations, s.messages])),
    tableCard('table.codes', 'qr-codes', [{ key: 'col.code', user: true }, { key: 'col.scene', user: true },
      { key: 'col.store', user: true },
      ...funnelKeys.map((k) => ({ key: `funnel.${k}`, num: true }))],
    figures.qrCodes.map((c) => [c.label || c.key, c.scene, c.store ?? '', ...funnelKeys.map((k) => c[k])])),
    tableCard('table.scenes', 'scenes', [{ key: 'col.scene', user: true }, ...funnelKeys.map((k) => ({ key: `funnel.${k}`, num: true }))],
      figures.scenes.map((c) => [c.scene || '—', ...funnelKeys.map((k) => c[k])])),
    tableCard('table.comments', 'comments', [{ key: 'col.store', user: true }, { key: 'col.score', num: true },
      { key: 'col.comment', user: true },
      { key: 'col.at' }], figures.ratings.comments.map((c) => [c.store, c.score, c.comment, new Date(c.at).toLocaleString(lang)])),
  ];
  if (chainStores) {
    tables.unshift(tableCard('table.stores', 'chain-stores', [{ key: 'col.store', user: true }, { key: 'col.conversations', num: true },
      { key: 'col.messages', num: true }, { key: 'col.firstReplyP50', num: true }, { key: 'col.aiRate', num: true }],
    chainStores.map((s) => [s.name, s.totals?.conversations ?? 0, s.totals?.messages ?? 0,
      { text: duration(s.totals?.firstReplyP50, t), csv: s.totals?.firstReplyP50 ?? '' },
      s.totals ? pct(s.totals.aiAnswerRate, lang) : '—'])));
  }
  view.replaceChildren(head, kpis, charts, ...tables);
  lines('chart-trend', days, [
    { name: t('series.conversations'), values: series('conversations') },
    { name: t('series.messages'), values: series('messages') },
    { name: t('series.newCustomers'), values: series('newCustomers') },
    { name: t('series.handOffs'), values: series('handOffs') }]);
  bars('chart-hours', hours, t('series.customerMessages'), figures.hours);
  bars('chart-ratings', [1, 2, 3, 4, 5].map((n) => t('stars', { n })), t('series.count'), figures.ratings.byScore);
  bars('chart-funnel', funnelKeys.map((k) => t(`funnel.${k}`)), t('series.count'), funnelTotals);
}
