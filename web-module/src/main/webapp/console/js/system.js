// 系统 (platform admins): the server's health checks, the merchant client release it publishes, every merchant.
import { api } from './api.js';
import { byId, el } from './dom.js';
import { t } from './i18n.js';
import { tableCard } from './tables.js';
import { releaseTable, releaseForm } from './releases.js';

function input(labelKey, id, required) {
  const label = el('label', null, t(labelKey));
  const field = el('input');
  field.id = id;
  field.required = required;
  field.autocomplete = 'off';
  label.append(field);
  return label;
}

/** New chains and merchants (Keycloak groups and the server's records, through the provisioning API). */
function provisioning(onChanged) {
  const form = el('form', 'glass toolbar');
  form.append(input('system.code', 'new-code', true), input('system.name', 'new-name', true),
    input('system.chainOf', 'new-chain', false));
  const kind = el('select');
  kind.id = 'new-kind';
  for (const [value, key] of [['merchant', 'system.newMerchant'], ['chain', 'system.newChain']]) {
    const o = el('option', null, t(key));
    o.value = value;
    kind.append(o);
  }
  const kindLabel = el('label', null, t('system.kind'));
  kindLabel.append(kind);
  const create = el('button', 'primary', t('system.create'));
  create.type = 'submit';
  const note = el('p', 'feedback');
  note.id = 'feedback';
  note.setAttribute('role', 'status');
  form.prepend(kindLabel);
  form.append(create, note);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = byId('new-code').value.trim();
    try {
      if (kind.value === 'chain') await api.createChain(code, byId('new-name').value.trim());
      else await api.createMerchant(code, byId('new-name').value.trim(), byId('new-chain').value.trim() || null);
      note.textContent = t('system.created', { code });
      form.reset();
      onChanged();
    } catch (e) {
      note.textContent = t('manage.failed', { message: e.message });
    }
  });
  return form;
}

export function renderSystem(view, health, releases, stores, onChanged = () => {}, onPublished = () => {}, notice = '') {
  const checks = Object.entries(health?.checks ?? health ?? {}).filter(([, v]) => typeof v !== 'object')
    .map(([k, v]) => [k, String(v)]);
  view.replaceChildren(
    provisioning(onChanged),
    tableCard('system.health', 'health', [{ key: 'system.checks' }, { key: 'system.status' }], checks),
    releaseTable(releases),
    releaseForm(onPublished, notice),
    tableCard('system.merchants', 'merchants', [{ key: 'store.name' }, { key: 'store.code' }, { key: 'store.chain' },
      { key: 'store.clients', num: true }].map((c, i) => (i < 3 ? { ...c, user: true } : c)), stores.map((s) => [s.name, s.code, s.chain ?? '', `${s.clientsOnline}/${s.clients}`])));
}
