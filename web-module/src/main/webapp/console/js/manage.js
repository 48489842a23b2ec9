// A store's QR codes and staff, as its admins manage them (the server decides who may, D56).
import { api } from './api.js';
import { byId, el } from './dom.js';
import { language, t } from './i18n.js';
import { tableCard } from './tables.js';

function storeHead(stores, code) {
  const store = stores.find((s) => s.code === code);
  const head = el('section', 'glass card');
  const title = el('h2');
  const name = el('span', null, store ? store.name : code);
  name.dataset.user = '';
  title.append(name);
  head.append(title);
  return head;
}

function field(labelKey, id, type = 'text', required = false) {
  const label = el('label', null, t(labelKey));
  const input = el('input');
  input.id = id;
  input.type = type;
  input.required = required;
  input.autocomplete = 'off';
  label.append(input);
  return label;
}

function feedback() {
  const p = el('p', 'feedback');
  p.id = 'feedback';
  p.setAttribute('role', 'status');
  return p;
}

function say(key, vars) {
  byId('feedback').textContent = t(key, vars);
}

function failed(e) {
  say('manage.failed', { message: t(`error.${e.code}`) === `error.${e.code}` ? e.message : t(`error.${e.code}`) });
}

/** 二维码: the store's codes (status, scans), a new one (shown and printable at once), revoke. */
export async function showQr(view, stores, code) {
  const codes = await api.qrCodes(code);
  const form = el('form', 'glass toolbar');
  form.append(field('qr.label', 'qr-label'), field('qr.scene', 'qr-scene'));
  const create = el('button', 'primary', t('qr.create'));
  create.type = 'submit';
  form.append(create);
  const made = el('section', 'glass card printable');
  made.id = 'qr-made';
  made.hidden = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api.createQr(code, byId('qr-label').value.trim() || null, byId('qr-scene').value.trim() || null);
      const img = el('img');
      img.src = `data:image/png;base64,${created.png}`;
      img.alt = t('qr.image');
      img.className = 'qr-image';
      const url = el('p', 'mono', created.url);
      url.dataset.user = '';
      const print = el('button', 'ghost', t('qr.print'));
      print.type = 'button';
      print.addEventListener('click', () => window.print());
      made.replaceChildren(el('h2', null, t('qr.created')), img, url, print);
      made.hidden = false;
      say('qr.createdNote');
      await refresh();
    } catch (e) {
      failed(e);
    }
  });
  const list = el('div');
  async function refresh(rows = null) {
    const all = rows ?? await api.qrCodes(code);
    const lang = language();
    const card = tableCard('qr.list', 'qr-codes-of-store', [{ key: 'qr.label', user: true }, { key: 'qr.scene', user: true },
      { key: 'qr.status' }, { key: 'funnel.scans', num: true }, { key: 'funnel.conversations', num: true },
      { key: 'qr.createdAt' }, { key: 'qr.action' }],
    all.map((q) => [q.label ?? '', q.scene ?? '', t(`qr.status.${q.status}`), q.funnel.scans, q.funnel.conversationStarted,
      new Date(q.createdAt).toLocaleString(lang), '']));
    // The last column holds a revoke button per active code.
    card.querySelectorAll('tbody tr').forEach((tr, i) => {
      const q = all[i];
      if (q.status !== 'ACTIVE') return;
      const button = el('button', 'ghost', t('qr.revoke'));
      button.type = 'button';
      button.dataset.qrId = q.id;
      button.addEventListener('click', async () => {
        if (!window.confirm(t('qr.revokeConfirm'))) return;
        try {
          await api.revokeQr(code, q.id);
          say('qr.revoked');
          await refresh();
        } catch (e) {
          failed(e);
        }
      });
      tr.lastElementChild.append(button);
    });
    list.replaceChildren(card);
  }
  await refresh(codes);
  view.replaceChildren(storeHead(stores, code), form, feedback(), made, list);
}

/** 员工: the store's staff, a new account, disable or enable, a temporary password shown once. */
export async function showStaff(view, stores, code, canAddAdmins) {
  const form = el('form', 'glass toolbar');
  form.append(field('staff.username', 'staff-username', 'text', true), field('staff.email', 'staff-email', 'email', true),
    field('staff.password', 'staff-password', 'password'));
  if (canAddAdmins) {
    const label = el('label', 'check');
    const box = el('input');
    box.type = 'checkbox';
    box.id = 'staff-admin';
    label.append(box, t('staff.admin'));
    form.append(label);
  }
  const add = el('button', 'primary', t('staff.add'));
  add.type = 'submit';
  form.append(add);
  const list = el('div');
  async function refresh() {
    const members = await api.staff(code);
    const card = tableCard('staff.list', 'staff-of-store', [{ key: 'staff.username', user: true },
      { key: 'staff.name', user: true }, { key: 'staff.role' }, { key: 'staff.state' }, { key: 'qr.action' }],
    members.map((m) => [m.username, m.name, t(m.admin ? 'staff.roleAdmin' : 'staff.roleStaff'),
      t(m.enabled ? 'staff.enabled' : 'staff.disabled'), '']));
    card.querySelectorAll('tbody tr').forEach((tr, i) => {
      const m = members[i];
      const toggle = el('button', 'ghost', t(m.enabled ? 'staff.disable' : 'staff.enable'));
      toggle.type = 'button';
      toggle.dataset.staffAction = m.enabled ? 'disable' : 'enable';
      toggle.addEventListener('click', async () => {
        try {
          await api.setStaffEnabled(code, m.id, !m.enabled);
          say(m.enabled ? 'staff.disabledNote' : 'staff.enabledNote', { name: m.username });
          await refresh();
        } catch (e) {
          failed(e);
        }
      });
      const reset = el('button', 'ghost', t('staff.reset'));
      reset.type = 'button';
      reset.dataset.staffAction = 'reset';
      reset.addEventListener('click', async () => {
        try {
          const { password } = await api.resetStaffPassword(code, m.id);
          say('staff.resetNote', { name: m.username, password });
        } catch (e) {
          failed(e);
        }
      });
      tr.lastElementChild.append(toggle, ' ', reset);
    });
    list.replaceChildren(card);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.addStaff(code, {
        username: byId('staff-username').value.trim(),
        email: byId('staff-email').value.trim(),
        password: byId('staff-password').value || null,
        admin: byId('staff-admin')?.checked ?? false,
      });
      say('staff.added', { name: byId('staff-username').value.trim() });
      form.reset();
      await refresh();
    } catch (e) {
      failed(e);
    }
  });
  await refresh();
  view.replaceChildren(storeHead(stores, code), form, feedback(), list);
}
