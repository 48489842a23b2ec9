// 系统 → 客户端发布 (platform admins): each target's published merchant client release, and the form that
// publishes one (D60). The server checks the signature against the release keys; the console only shows the answer.
import { api } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { tableCard } from './tables.js';

const TARGETS = ['linux-app-image', 'linux-deb', 'windows-msi', 'macos-dmg'];

function field(labelKey, name, attrs = {}) {
  const label = el('label', null, t(labelKey));
  const input = el(attrs.tag ?? 'input');
  input.name = name;
  input.id = `release-${name}`;
  input.autocomplete = 'off';
  for (const [k, v] of Object.entries(attrs)) if (k !== 'tag') input.setAttribute(k, v);
  label.append(input);
  return label;
}

/** The published releases as a table (CSV like every table), one row per target. */
export function releaseTable(releases) {
  return tableCard('system.release', 'releases', [{ key: 'release.target' }, { key: 'system.latest' },
    { key: 'system.minimum' }, { key: 'release.rollout', num: true }, { key: 'system.download', user: true },
    { key: 'release.publishedBy', user: true }], (releases ?? []).map((r) => [r.target, r.version, r.minimumVersion,
    `${r.rollout}%`, r.package?.url ?? t('system.none'), r.publishedBy === 'environment' ? t('release.fromEnvironment')
      : `${r.publishedBy} · ${r.publishedAt ? new Date(r.publishedAt).toLocaleString() : ''}`]));
}

/**
 * The publish form: what `bin/alpha01-release sign` printed, the minimum version and the rollout share.
 * `onPublished(message)` redraws 系统 with the message shown here (`notice`).
 */
export function releaseForm(onPublished, notice = '') {
  const form = el('form', 'glass toolbar release-form');
  form.setAttribute('aria-labelledby', 'release-form-title');
  const title = el('h2', null, t('release.publish'));
  title.id = 'release-form-title';
  const target = field('release.target', 'target', { tag: 'select' });
  for (const id of TARGETS) {
    const o = el('option', null, id);
    o.value = id;
    target.querySelector('select').append(o);
  }
  const note = el('p', 'feedback');
  note.id = 'release-feedback';
  note.setAttribute('role', 'status');
  note.textContent = notice;
  const submit = el('button', 'primary', t('release.publish'));
  submit.type = 'submit';
  form.append(title, target, field('system.latest', 'version', { required: '' }),
    field('system.minimum', 'minimumVersion', { required: '' }), field('release.url', 'url', { required: '', type: 'url' }),
    field('release.size', 'size', { required: '', type: 'number', min: '1' }),
    field('release.sha256', 'sha256', { required: '', pattern: '[0-9a-fA-F]{64}' }),
    field('release.signature', 'signature', { required: '' }),
    field('release.rollout', 'rollout', { type: 'number', min: '0', max: '100', value: '100' }),
    field('release.notes', 'notes', { tag: 'textarea', maxlength: '2000' }), submit, note);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = (name) => form.elements[name].value.trim();
    try {
      await api.publishRelease(v('target'), { version: v('version'), minimumVersion: v('minimumVersion'),
        url: v('url'), size: Number(v('size')), sha256: v('sha256'), signature: v('signature'),
        rollout: Number(v('rollout') || '100'), notes: v('notes') });
      onPublished(t('release.published', { target: v('target'), version: v('version') }));
    } catch (e) {
      note.textContent = t(e.code === 'BAD_SIGNATURE' ? 'release.badSignature' : 'manage.failed', { message: e.message });
    }
  });
  return form;
}
