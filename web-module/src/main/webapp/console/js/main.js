// The console (issue 17): who is signed in decides what is shown; the server decides what may be read.
import { api } from './api.js';
import { period, renderFigures, toolbar } from './analytics.js';
import { byId, el } from './dom.js';
import { applyTexts, t, toggleLanguage } from './i18n.js';
import { follow } from './live.js';
import { renderStores } from './stores.js';
import { renderSystem } from './system.js';
import { showQr, showStaff } from './manage.js';

const state = { me: null, stores: [], view: 'stores', scope: '', choice: '7', from: '', to: '', live: false };

function role() {
  return ['platform-admin', 'chain-admin', 'merchant-admin'].find((r) => state.me.roles.includes(r));
}

function showError(error) {
  const message = t(`error.${error.code}`) === `error.${error.code}` ? error.message : t(`error.${error.code}`);
  byId('view').replaceChildren(el('p', 'glass card error', t('failed', { message })));
}

function setLive(on) {
  state.live = on;
  const live = byId('live');
  live.dataset.state = on ? 'live' : 'paused';
  live.textContent = t(on ? 'live.on' : 'live.off');
}

/** Each screen drawn gets a number: a slow answer for a screen left meanwhile draws nothing. */
let drawing = 0;

async function showAnalytics() {
  const view = byId('view');
  const mine = ++drawing;
  const canChain = role() === 'chain-admin';
  if (!state.scope && !canChain) state.scope = state.stores[0]?.code ?? '';
  const head = toolbar(state, state.stores, canChain, (choice) => {
    Object.assign(state, choice);
    location.hash = state.scope ? `#/analytics/${encodeURIComponent(state.scope)}` : '#/analytics';
    showAnalytics();
  });
  view.replaceChildren(head, el('p', 'empty', t('loading')));
  const { from, to } = period(state.choice, state.from, state.to);
  try {
    if (!state.scope && canChain) {
      const chain = await api.chain(from, to);
      if (mine === drawing) renderFigures(view, head, chain.figures, chain.stores);
    } else {
      const shop = await api.shop(state.scope, from, to);
      if (mine === drawing) renderFigures(view, head, shop.figures, null);
    }
  } catch (e) {
    if (mine === drawing) showError(e);
  }
}

/** 二维码 / 员工 of one store. */
async function showManage(code) {
  const mine = ++drawing;
  const view = byId('view');
  view.replaceChildren(el('p', 'empty', t('loading')));
  if (!code) return;
  const scratch = el('section');
  try {
    if (state.view === 'qr') await showQr(scratch, state.stores, code);
    else await showStaff(scratch, state.stores, code, role() !== 'merchant-admin');
    if (mine === drawing) view.replaceChildren(...scratch.childNodes);
  } catch (e) {
    if (mine === drawing) showError(e);
  }
}

async function showSystem(notice = '') {
  const mine = ++drawing;
  try {
    const [health, releases] = await Promise.all([api.health().catch((e) => ({ status: e.message })),
      api.releases().then((r) => r.releases).catch(() => [])]);
    if (mine === drawing) {
      renderSystem(byId('view'), health, releases, state.stores, async () => {
        state.stores = await api.stores();
      }, (message) => showSystem(message), notice);
    }
  } catch (e) {
    showError(e);
  }
}

function route() {
  const [, view = 'stores', code] = location.hash.split('/');
  state.view = ['stores', 'analytics', 'system', 'qr', 'staff'].includes(view) ? view : 'stores';
  if (state.view === 'system' && role() !== 'platform-admin') state.view = 'stores';
  if (state.view === 'analytics') state.scope = code === undefined ? '' : decodeURIComponent(code);
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === state.view || (link.dataset.view === 'stores' && ['qr', 'staff'].includes(state.view))) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  byId('title').textContent = t(`nav.${state.view}`);
  if (state.view === 'stores') {
    drawing += 1;
    renderStores(byId('view'), state.stores);
  } else if (state.view === 'analytics') {
    showAnalytics();
  } else if (state.view === 'qr' || state.view === 'staff') {
    showManage(code === undefined ? state.stores[0]?.code : decodeURIComponent(code));
  } else {
    showSystem();
  }
}

async function signOut(event) {
  event.preventDefault();
  const { to } = await api.signOut();
  location.assign(to);
}

async function start() {
  applyTexts();
  byId('lang').addEventListener('click', () => { toggleLanguage(); setLive(state.live); route(); whoAmI(); });
  document.querySelector('.sign-out').addEventListener('click', signOut);
  try {
    state.me = await api.me();
    state.stores = await api.stores();
  } catch (e) {
    showError(e);
    return;
  }
  whoAmI();
  byId('nav').querySelector('[data-view="system"]').hidden = role() !== 'platform-admin';
  window.addEventListener('hashchange', route);
  route();
  follow((stores) => {
    state.stores = stores;
    if (state.view === 'stores') renderStores(byId('view'), stores);
  }, setLive);
}

function whoAmI() {
  byId('who-name').textContent = state.me?.displayName ?? '';
  byId('who-role').textContent = state.me ? t(`role.${role()}`) : '';
}

start();
