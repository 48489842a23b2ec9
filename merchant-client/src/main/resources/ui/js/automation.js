// 自动化: the shop's rules (toggle, edit, add, delete), opening hours, and the execution log.
import { request } from './bridge.js';
import { t, tOr, formatTime, errorText } from './i18n.js';
import { byId, el, userEl, feedback as show } from './dom.js';

let state = { rules: [], log: [], hours: { open: '09:00', close: '21:00' } };
let armedDelete = null;

function feedback(text, kind = 'info') {
  show('rule-feedback', text, kind);
}

async function call(type, payload) {
  try {
    state = await request(type, payload);
    render();
    return true;
  } catch (e) {
    feedback(() => t('auto.failed', { message: errorText(e) }), 'error');
    return false;
  }
}

export async function loadAutomation() {
  await call('automation.get', {});
}

/** "When … → do …" in words; what the shop typed (keywords, a reply) stays as typed. */
function describe(rule) {
  const parts = [tOr(`auto.trigger.${rule.trigger}`, rule.trigger)];
  if (rule.match) parts.push(' ', userEl('span', null, rule.match));
  parts.push(' → ', tOr(`auto.action.${rule.action}`, rule.action));
  if (rule.text) parts.push(t('auto.textSeparator'), userEl('span', null, rule.text));
  return parts;
}

function render() {
  byId('hours-open').value = state.hours.open;
  byId('hours-close').value = state.hours.close;
  byId('rule-list').replaceChildren(...state.rules.map((rule) => {
    const item = el('li', 'rule');
    item.dataset.ruleId = rule.id;
    item.dataset.enabled = String(rule.enabled);
    const toggle = el('input', 'switch');
    toggle.type = 'checkbox';
    toggle.checked = rule.enabled;
    toggle.setAttribute('aria-label', t('auto.enabled'));
    toggle.addEventListener('change', () => call('automation.enable', { id: rule.id, enabled: toggle.checked }));
    const body = el('div', 'rule-body');
    const what = el('span', 'rule-what');
    what.append(...describe(rule));
    body.append(userEl('span', 'rule-name', rule.name), what);
    const edit = el('button', 'ghost small', t('auto.edit'));
    edit.type = 'button';
    edit.dataset.ruleAction = 'edit';
    edit.addEventListener('click', () => fill(rule));
    const remove = el('button', 'ghost small danger', armedDelete === rule.id ? t('auto.deleteConfirm') : t('auto.delete'));
    remove.type = 'button';
    remove.dataset.ruleAction = 'delete';
    remove.addEventListener('click', () => {
      if (armedDelete !== rule.id) {
        armedDelete = rule.id;
        render();
        return;
      }
      armedDelete = null;
      call('automation.delete', { id: rule.id });
    });
    item.append(toggle, body, edit, remove);
    return item;
  }));
  byId('auto-log-empty').hidden = state.log.length > 0;
  byId('auto-log').replaceChildren(...state.log.map((e) => {
    const item = el('li');
    item.append(el('time', null, formatTime(e.at)), userEl('span', null, e.ruleName),
      el('span', `chip chip-${e.outcome.toLowerCase()}`, tOr(`auto.outcome.${e.outcome}`, e.outcome)));
    // The failure's own message (from the server or the network) is shown as it came.
    if (e.detail) item.append(userEl('span', 'detail', e.detail));
    else if (e.outcome === 'OK' && e.attempt > 1) item.append(el('span', 'detail', t('auto.okOnAttempt', { n: e.attempt })));
    return item;
  }));
  matchCaption();
}

function fill(rule) {
  byId('rule-id').value = rule.id;
  byId('rule-name').value = rule.name;
  byId('rule-trigger').value = rule.trigger;
  byId('rule-match').value = rule.match;
  byId('rule-action').value = rule.action;
  byId('rule-text').value = rule.text;
  byId('rule-enabled').checked = rule.enabled;
  byId('rule-form-title').textContent = t('auto.editRule');
  matchCaption();
  byId('rule-name').focus();
}

function clear() {
  byId('rule-form').reset();
  byId('rule-id').value = '';
  byId('rule-form-title').textContent = t('auto.newRule');
  matchCaption();
}

/** The match field means keywords, minutes or a schedule, by trigger. */
function matchCaption() {
  const trigger = byId('rule-trigger').value;
  const needsMatch = ['KEYWORD', 'INTENT', 'IDLE', 'SCHEDULE'].includes(trigger);
  byId('rule-match-label').hidden = !needsMatch;
  byId('rule-match-caption').textContent = t(`auto.match.${trigger}`);
}

async function save(event) {
  event.preventDefault();
  const id = byId('rule-id').value || `rule-${Date.now().toString(36)}`;
  const rule = {
    id,
    name: byId('rule-name').value.trim(),
    enabled: byId('rule-enabled').checked,
    trigger: byId('rule-trigger').value,
    match: byId('rule-match').value.trim(),
    action: byId('rule-action').value,
    text: byId('rule-text').value.trim(),
  };
  if (await call('automation.save', { rule })) {
    clear();
    feedback(() => t('auto.saved'));
  }
}

export function wireAutomation() {
  byId('rule-form').addEventListener('submit', save);
  byId('rule-reset').addEventListener('click', clear);
  byId('rule-trigger').addEventListener('change', matchCaption);
  byId('hours-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await call('automation.hours', { open: byId('hours-open').value, close: byId('hours-close').value })) {
      feedback(() => t('auto.hoursSaved'));
    }
  });
}
