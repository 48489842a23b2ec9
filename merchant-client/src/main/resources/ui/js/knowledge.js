// 知识库: documents, entries (add, edit, delete), search with scores and sources, imports with progress.
import { request, on } from './bridge.js';
import { t, tOr, formatTime, errorText, place } from './i18n.js';
import { byId, el, userEl, tUser, feedback as show } from './dom.js';
import { loadUnanswered } from './learning.js';

let data = { documents: [], entries: [], size: 0, loading: true };
let armed = null;
let searchTimer = null;
/** The last search's answer, drawn again when the language changes. */
let lastHits = null;

function feedback(text, kind = 'info') {
  show('kb-feedback', text, kind);
}

async function call(type, payload) {
  try {
    return await request(type, payload);
  } catch (e) {
    feedback(() => t('kb.failed', { message: errorText(e) }), 'error');
    return null;
  }
}

export async function loadKnowledge() {
  const result = await call('knowledge.list', {});
  if (result) data = result;
  render();
  loadUnanswered();
  if (data.loading) setTimeout(() => { if (!byId('view-knowledge').hidden) loadKnowledge(); }, 1000);
}

function confirmButton(key, id, label, confirmLabel, action) {
  const button = el('button', 'ghost small danger', armed === key ? confirmLabel : label);
  button.type = 'button';
  button.dataset.kbAction = id;
  button.addEventListener('click', async () => {
    if (armed !== key) {
      armed = key;
      render();
      return;
    }
    armed = null;
    await action();
    await loadKnowledge();
  });
  return button;
}

function render() {
  byId('kb-count').textContent = data.loading ? t('kb.loading') : t('kb.count', { n: data.size });
  byId('kb-docs').replaceChildren(...data.documents.map((d) => {
    const item = el('li', 'kb-doc');
    item.dataset.documentId = d.id;
    const body = el('div', 'kb-doc-body');
    // The names the app gives its own documents are worded per language; a file's name is the shop's.
    const own = d.kind === 'MANUAL' || d.kind === 'BUILT_IN_FAQ';
    body.append(own ? el('span', 'kb-doc-name', place(d.name)) : userEl('span', 'kb-doc-name', d.name),
      el('span', 'kb-doc-meta', t('kb.docMeta', { kind: tOr(`kb.kind.${d.kind}`, d.kind), n: d.entries, at: formatTime(d.importedAt) })));
    if (d.kind === 'BUILT_IN_FAQ') {
      // The demo shop's sample rows: say plainly they are not this shop's, and when they go.
      body.append(el('span', 'kb-doc-demo', t('kb.demoNote')));
    }
    item.append(body, confirmButton(`doc-${d.id}`, 'delete-document', t('kb.delete'), t('kb.deleteConfirm'),
      () => call('knowledge.deleteDocument', { id: d.id })));
    return item;
  }));
  const list = byId('kb-list');
  list.replaceChildren(...data.entries.map((e) => {
    const item = el('li', 'kb-entry');
    item.dataset.entryId = e.id;
    const body = el('div');
    if (e.question) body.append(userEl('strong', null, e.question));
    body.append(userEl('p', null, e.text));
    const actions = el('div', 'entry-actions');
    const edit = el('button', 'ghost small', t('auto.edit'));
    edit.type = 'button';
    edit.dataset.kbAction = 'edit';
    edit.addEventListener('click', () => {
      byId('kb-entry-id').value = e.id;
      byId('kb-question').value = e.question;
      byId('kb-answer').value = e.text;
      byId('kb-form-title').textContent = t('kb.editTitle');
      byId('kb-answer').focus();
    });
    actions.append(edit, confirmButton(`entry-${e.id}`, 'delete', t('kb.delete'), t('kb.deleteConfirm'),
      () => call('knowledge.delete', { id: e.id })));
    item.append(body, actions, userEl('span', 'source', place(e.source)));
    return item;
  }));
  if (!data.loading && data.entries.length === 0) list.append(el('li', 'empty', t('kb.none')));
}

async function search() {
  const q = byId('kb-search').value.trim();
  const box = byId('kb-hits');
  if (!q) {
    box.hidden = true;
    box.replaceChildren();
    lastHits = null;
    return;
  }
  const result = await call('knowledge.search', { q });
  if (!result) return;
  lastHits = result;
  renderHits();
}

/** Draws the search hits again in the current language (after a switch). */
export function relabelKnowledge() {
  if (lastHits && !byId('kb-hits').hidden) renderHits();
}

function renderHits() {
  const result = lastHits;
  const box = byId('kb-hits');
  box.hidden = false;
  box.replaceChildren(...result.hits.map((h) => {
    const item = el('li', 'kb-hit');
    const meta = el('div', 'kb-hit-meta');
    meta.append(el('span', 'score', t('kb.score', { score: h.score.toFixed(2) })), userEl('span', null, place(h.source)));
    if (h.confident) meta.append(el('span', 'chip chip-ok', t('kb.confident')));
    item.append(meta, userEl('p', null, h.text));
    // What an answer without the model would quote: the passage that matched, when it is not the whole text.
    if (h.confident && h.passage && h.passage !== h.text) {
      const quote = el('p', 'kb-hit-quote');
      quote.append(...tUser('kb.quote', { text: h.passage }));
      item.append(quote);
    }
    return item;
  }));
  if (result.hits.length === 0) box.append(el('li', 'empty', t('kb.noHits')));
}

function clearForm() {
  byId('kb-form').reset();
  byId('kb-entry-id').value = '';
  byId('kb-form-title').textContent = t('kb.addTitle');
}

/** Files dropped on the 知识库 panel are imported; the desktop side knows their paths from the drag. */
function wireDrop() {
  const zone = byId('kb-drop');
  const dropping = (on) => {
    zone.classList.toggle('dropping', on);
    byId('kb-drop-hint').textContent = t(on ? 'kb.dropHere' : 'kb.dropHint');
  };
  const hasFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  zone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'copy';
    dropping(true);
  });
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) dropping(false);
  });
  zone.addEventListener('drop', async (event) => {
    dropping(false);
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const names = Array.from(event.dataTransfer.files, (f) => f.name);
    const started = await call('knowledge.importDropped', { names });
    if (started) feedback(() => t('kb.dropStarted', { n: started.started }));
  });
}

export function wireKnowledge() {
  wireDrop();
  byId('kb-import').addEventListener('click', () => call('knowledge.pick', {}));
  byId('kb-search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 250);
  });
  byId('kb-form-clear').addEventListener('click', clearForm);
  byId('kb-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = byId('kb-entry-id').value;
    const payload = { question: byId('kb-question').value.trim(), text: byId('kb-answer').value.trim() };
    const saved = id ? await call('knowledge.edit', { id, ...payload }) : await call('knowledge.add', payload);
    if (saved) {
      clearForm();
      feedback(() => t('kb.saved'));
      await loadKnowledge();
    }
  });
  on('kbProgress', (p) => {
    const box = byId('kb-progress-box');
    box.hidden = false;
    const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
    const stageShare = { READING: [0, 10], EMBEDDING: [10, 90], SAVING: [90, 100], DONE: [100, 100] }[p.stage] ?? [0, 100];
    byId('kb-progress').value = stageShare[0] + ((stageShare[1] - stageShare[0]) * pct) / 100;
    byId('kb-progress-label').replaceChildren(...tUser(`kb.stage.${p.stage}`, { name: p.name, done: p.done, total: p.total }, ['name']));
  });
  on('kbImported', (r) => {
    byId('kb-progress-box').hidden = true;
    if (r.ok) feedback(() => tUser(r.unchanged ? 'kb.unchanged' : 'kb.imported', { name: r.name, n: r.entries }, ['name']));
    else feedback(() => tUser('kb.importFailed', { name: r.name, reason: t(`kb.reason.${r.error}`) }, ['name']), 'error');
    if (!byId('view-knowledge').hidden) loadKnowledge();
  });
}
