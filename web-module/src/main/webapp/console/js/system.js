// 系统 (platform admins): the server's health checks, the merchant client release it publishes, every merchant.
import { el } from './dom.js';
import { t } from './i18n.js';
import { tableCard } from './tables.js';

export function renderSystem(view, health, release, stores) {
  const checks = Object.entries(health?.checks ?? health ?? {}).filter(([, v]) => typeof v !== 'object')
    .map(([k, v]) => [k, String(v)]);
  const releaseCard = el('section', 'glass card');
  releaseCard.append(el('h2', null, t('system.release')));
  const dl = el('dl', 'store-state');
  const add = (key, value) => dl.append(el('dt', null, t(key)), el('dd', null, value || t('system.none')));
  add('system.latest', release?.latestVersion);
  add('system.minimum', release?.minimumVersion);
  add('system.download', release?.downloadUrl);
  releaseCard.append(dl);
  view.replaceChildren(
    tableCard('system.health', 'health', [{ key: 'system.checks' }, { key: 'system.status' }], checks),
    releaseCard,
    tableCard('system.merchants', 'merchants', [{ key: 'store.name' }, { key: 'store.code' }, { key: 'store.chain' },
      { key: 'store.clients', num: true }].map((c, i) => (i < 3 ? { ...c, user: true } : c)), stores.map((s) => [s.name, s.code, s.chain ?? '', `${s.clientsOnline}/${s.clients}`])));
}
