// The management screens: QR codes, knowledge base, settings and system status. Each asks Java
// through the bridge; user-supplied text only ever goes through textContent.
import { request } from './bridge.js';
import { renderUpdate } from './update.js';
import { t, tOr, formatTime, language, errorText } from './i18n.js';
import { byId, el, userEl, feedback } from './dom.js';

// ---- QR codes ------------------------------------------------------------------------------

let codes = [];
let previewId = null;
let armedRevoke = null;

export async function loadQr() {
  try {
    const result = await request('qr.list');
    codes = Array.isArray(result.codes) ? result.codes : [];
    if (!previewId || !codes.some((c) => c.id === previewId)) {
      previewId = (codes.find((c) => c.status === 'ACTIVE') ?? codes[0])?.id ?? null;
    }
    feedback('qr-feedback', '');
  } catch (e) {
    feedback('qr-feedback', () => e.code === 'OFFLINE' ? t('qr.offline') : t('qr.failed', { message: errorText(e) }), 'error');
  }
  renderQrList();
  await renderPreview();
}

function renderQrList() {
  byId('qr-empty').hidden = codes.length > 0;
  byId('qr-rows').replaceChildren(...codes.map((code) => {
    const row = el('tr');
    row.dataset.qrId = code.id;
    if (code.id === previewId) row.setAttribute('aria-selected', 'true');
    const name = el('td', 'qr-name');
    const nameBox = el('div');
    nameBox.append((code.label ? userEl : el)('span', null, code.label || '—'));
    if (code.scene) nameBox.append(userEl('span', 'tag', code.scene));
    name.append(nameBox);
    const status = el('td');
    status.append(el('span', `chip chip-qr-${String(code.status).toLowerCase()}`, tOr(`qr.status.${code.status}`, code.status)));
    const funnel = code.funnel ?? {};
    const actions = el('td', 'qr-actions');
    const actionBox = el('div');
    actions.append(actionBox);
    const show = el('button', 'ghost small', t('qr.show'));
    show.type = 'button';
    show.dataset.qrAction = 'show';
    show.addEventListener('click', async () => {
      previewId = code.id;
      renderQrList();
      await renderPreview();
    });
    actionBox.append(show);
    if (code.status === 'ACTIVE') {
      const revoke = el('button', 'ghost small danger', armedRevoke === code.id ? t('qr.revokeConfirm') : t('qr.revoke'));
      revoke.type = 'button';
      revoke.dataset.qrAction = 'revoke';
      revoke.addEventListener('click', () => revokeCode(code.id));
      actionBox.append(revoke);
    }
    row.append(name, status, el('td', 'num', funnel.scans ?? 0), el('td', 'num', funnel.conversationStarted ?? 0),
      el('td', null, formatTime(code.createdAt)), actions);
    return row;
  }));
}

async function renderPreview() {
  const figure = byId('qr-preview');
  const img = figure.querySelector('img');
  const code = codes.find((c) => c.id === previewId);
  figure.querySelector('.print-label').textContent = code?.label ?? '';
  figure.querySelector('.print-merchant').textContent = byId('status-merchant').textContent;
  let png = null;
  if (code?.url) {
    try {
      png = (await request('qr.image', { id: code.id })).png;
    } catch (e) {
      console.warn(`qr.image failed: ${e.code}`);
    }
  }
  const valid = typeof png === 'string' && png.startsWith('data:image/png;base64,');
  img.hidden = !valid;
  figure.querySelector('.qr-missing').hidden = valid;
  if (valid) img.src = png; else img.removeAttribute('src');
  figure.querySelector('.qr-url').textContent = code?.url ?? '';
  byId('qr-print').disabled = !valid;
}

async function revokeCode(id) {
  if (armedRevoke !== id) {
    // Revoking cannot be undone: the first click only arms the button.
    armedRevoke = id;
    renderQrList();
    return;
  }
  armedRevoke = null;
  try {
    await request('qr.revoke', { id });
    feedback('qr-feedback', () => t('qr.revoked.ok'));
  } catch (e) {
    feedback('qr-feedback', () => t('qr.failed', { message: errorText(e) }), 'error');
  }
  await loadQr();
}

async function createCode(event) {
  event.preventDefault();
  const button = byId('qr-create');
  if (button.disabled) return;
  button.disabled = true;
  const days = byId('qr-validity').value;
  const maxUses = byId('qr-max-uses').value;
  try {
    const created = await request('qr.create', {
      label: byId('qr-label').value.trim(),
      scene: byId('qr-scene').value.trim(),
      validForDays: days ? Number(days) : null,
      maxUses: maxUses ? Number(maxUses) : null,
    });
    previewId = created.id;
    byId('qr-form').reset();
    await loadQr();
    feedback('qr-feedback', () => t('qr.created.ok'));
  } catch (e) {
    feedback('qr-feedback', () => e.code === 'OFFLINE' ? t('qr.offline') : t('qr.failed', { message: errorText(e) }), 'error');
  } finally {
    button.disabled = false;
  }
}

// ---- Follow-up tasks (总览) ----------------------------------------------------------------

export async function loadTasks() {
  let tasks = [];
  try {
    tasks = (await request('followups.list')).tasks ?? [];
  } catch (e) {
    console.warn(`followups.list failed: ${e.code}`);
  }
  renderTasks(tasks);
}

function renderTasks(tasks) {
  byId('tasks-count').textContent = String(tasks.length);
  byId('tasks-empty').hidden = tasks.length > 0;
  byId('task-list').replaceChildren(...tasks.map((task) => {
    const item = el('li', 'task');
    item.dataset.taskId = task.id;
    const body = el('div', 'task-body');
    const meta = el('span', 'task-meta');
    meta.append(task.customer ? userEl('span', null, task.customer) : t('conv.anonymous'), ` · ${formatTime(task.createdAt)}`);
    body.append(userEl('span', null, task.summary), meta);
    const done = el('button', 'ghost small', t('tasks.done'));
    done.type = 'button';
    done.addEventListener('click', async () => {
      try {
        renderTasks((await request('followups.done', { id: task.id })).tasks ?? []);
      } catch (e) {
        console.warn(`followups.done failed: ${e.code}`);
      }
    });
    item.append(body, done);
    return item;
  }));
}

// ---- Settings --------------------------------------------------------------------------------

export async function loadSettings() {
  try {
    const s = await request('settings.get');
    byId('set-server').value = s.serverUrl ?? '';
    byId('set-device').value = s.deviceName ?? '';
    byId('set-capacity').value = s.capacity ?? '';
    byId('set-model').value = s.zhipuModel ?? 'glm-4-flash';
    byId('set-ai-url').value = s.zhipuBaseUrl ?? '';
    byId('set-daily-tokens').value = s.dailyTokens ?? '';
    byId('set-tone').value = s.shopTone ?? '';
    byId('set-facts').value = s.shopFacts ?? '';
    byId('set-orders').value = s.ordersCsv ?? '';
    if (!byId('transfer-path').value) byId('transfer-path').value = s.exportPath ?? '';
    byId('set-usage').textContent = s.tokensToday
      ? t('settings.usage', { used: s.tokensToday.used, limit: s.tokensToday.limit }) : '';
    byId('set-language').value = language();
    byId('set-key').value = '';
    byId('set-key-hint').textContent = s.zhipuKeySet ? t('settings.keySet', { hint: s.zhipuKeyHint ?? '' })
      : t('settings.keyUnset');
    byId('set-account').textContent = s.account || '—';
    byId('sign-out').hidden = !s.account;
  } catch (e) {
    feedback('settings-feedback', () => t('settings.failed', { message: errorText(e) }), 'error');
  }
  await loadWelcomeLine();
}

/** The shop's welcome line is kept on the server: editable when it can be read (online, a shop admin). */
async function loadWelcomeLine() {
  const input = byId('set-welcome');
  try {
    const w = await request('settings.welcomeLine');
    input.value = w.welcomeLine ?? '';
    input.placeholder = w.shown ?? '';
    input.dataset.saved = input.value;
    input.disabled = false;
    byId('set-welcome-hint').textContent = t('settings.welcomeHint');
  } catch (e) {
    input.disabled = true;
    byId('set-welcome-hint').textContent = t('settings.welcomeUnavailable', { message: errorText(e) });
  }
}

async function saveSettings(event, switchLanguage) {
  event.preventDefault();
  const payload = {
    serverUrl: byId('set-server').value.trim(),
    deviceName: byId('set-device').value.trim(),
    capacity: byId('set-capacity').value ? Number(byId('set-capacity').value) : null,
    zhipuModel: byId('set-model').value,
    zhipuBaseUrl: byId('set-ai-url').value.trim(),
    language: byId('set-language').value,
    dailyTokens: byId('set-daily-tokens').value ? Number(byId('set-daily-tokens').value) : null,
    shopTone: byId('set-tone').value.trim(),
    shopFacts: byId('set-facts').value,
    ordersCsv: byId('set-orders').value.trim(),
  };
  const key = byId('set-key').value.trim();
  if (key) payload.zhipuKey = key;
  try {
    const result = await request('settings.save', payload);
    const welcome = byId('set-welcome');
    if (!welcome.disabled && welcome.value.trim() !== (welcome.dataset.saved ?? '')) {
      await request('settings.saveWelcomeLine', { welcomeLine: welcome.value.trim() || null });
    }
    if (payload.language !== language()) await switchLanguage(payload.language);
    await loadSettings();
    feedback('settings-feedback', () => t(result.restartNeeded ? 'settings.savedRestart' : 'settings.saved'));
  } catch (e) {
    feedback('settings-feedback', () => t('settings.failed', { message: errorText(e) }), 'error');
  }
}

// ---- Backup and move (设置) -----------------------------------------------------------------------

async function transfer(kind) {
  const path = byId('transfer-path').value.trim();
  const passphrase = byId('transfer-passphrase').value;
  if (!path || passphrase.length < 8) {
    feedback('transfer-feedback', () => t('transfer.PASSPHRASE_TOO_SHORT'), 'error');
    return;
  }
  try {
    const result = await request(kind === 'export' ? 'store.export' : 'store.import', { path, passphrase });
    byId('transfer-passphrase').value = '';
    feedback('transfer-feedback', () => t(kind === 'export' ? 'transfer.exported' : 'transfer.imported',
      { n: result.records, path: result.path }));
  } catch (e) {
    feedback('transfer-feedback', () => tOr(`transfer.${e.code}`, t('settings.failed', { message: errorText(e) })), 'error');
  }
}

// ---- System status ---------------------------------------------------------------------------

export function renderSystem(sys) {
  if (!sys) return;
  byId('sys-connection').textContent = t(`status.${sys.state}`);
  byId('sys-server').textContent = sys.server || '—';
  byId('sys-latency').textContent = Number.isFinite(sys.rttMs) ? t('unit.ms', { n: sys.rttMs }) : '—';
  const tls = byId('sys-tls');
  tls.textContent = sys.tls === 'verified' ? t('sys.tls.verified') : sys.tls === 'plain' ? t('sys.tls.plain')
    : sys.tls ? t(`tls.${sys.tls}`) : '—';
  tls.dataset.tls = sys.tls ?? '';
  const work = sys.work;
  byId('sys-work').textContent = work ? t('sys.workValue', {
    ai: work.aiAnswers, staff: work.staffAnswers, handOffs: work.handOffs, errors: work.modelErrors,
    runs: work.automationRuns, failures: work.automationFailures }) : '—';
  byId('sys-answer-time').textContent = work && Number.isFinite(work.aiAnswerP50Ms)
    ? t('sys.answerTimeValue', { p50: (work.aiAnswerP50Ms / 1000).toFixed(1), p90: (work.aiAnswerP90Ms / 1000).toFixed(1) })
    : '—';
  byId('sys-outbox').textContent = String(sys.outbox ?? 0);
  byId('sys-store-key').textContent = sys.storeKey ? t(`sys.storeKey.${sys.storeKey}`) : '—';
  byId('sys-tokens').textContent = sys.tokens ? t('settings.usage', { used: sys.tokens.used, limit: sys.tokens.limit }) : '—';
  byId('sys-memory').textContent = t('sys.memoryValue', { app: sys.memory?.appMb ?? '?', total: sys.memory?.totalMb ?? '?' });
  byId('sys-cpu').textContent = Number.isFinite(sys.cpuPercent) ? `${sys.cpuPercent.toFixed(1)}%` : '—';
  const minutes = Math.floor((sys.uptimeSeconds ?? 0) / 60);
  byId('sys-uptime').textContent = minutes < 60 ? t('unit.minutes', { n: minutes })
    : t('unit.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  byId('sys-version').textContent = `${sys.version ?? '?'} · Chromium ${sys.chromium ?? '?'}`;
  renderUpdate(sys.update);
}

export async function loadSystem() {
  try {
    renderSystem(await request('system.status'));
  } catch (e) {
    console.warn(`system.status failed: ${e.code}`);
  }
}

export function wireScreens(switchLanguage) {
  byId('qr-form').addEventListener('submit', createCode);
  byId('qr-print').addEventListener('click', () => {
    document.body.dataset.printing = 'qr';
    window.print();
    delete document.body.dataset.printing;
  });
  byId('settings-form').addEventListener('submit', (e) => saveSettings(e, switchLanguage));
  byId('transfer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    transfer('export');
  });
  byId('transfer-import').addEventListener('click', () => transfer('import'));
  byId('sign-out').addEventListener('click', () => request('signOut').catch((e) => console.warn(`signOut: ${e.code}`)));
}
