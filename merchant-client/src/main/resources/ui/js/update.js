// Updates (状态, and the banner on every screen below the minimum version): what the server publishes, the
// download's progress, a package refused and why, the restart that installs it, a version that was rolled back.
import { request } from './bridge.js';
import { t } from './i18n.js';
import { byId } from './dom.js';

let last = {};

function words(u) {
  if (u.rolledBack) return t('update.rolledBack', { version: u.rolledBack, current: u.current });
  if (u.stage === 'DOWNLOADING') return t('update.downloading', { version: u.latest });
  if (u.stage === 'READY') return t(u.selfInstalling ? 'update.ready' : 'update.readyInstaller', { version: u.ready });
  if (u.stage === 'FAILED') return t('update.failed', { version: u.latest, reason: t(`update.failure.${u.failure}`) });
  if (u.required) return t('sys.updateRequired', { version: u.latest, minimum: u.minimum });
  if (u.available) {
    return t(u.offered || !u.canDownload ? 'sys.updateAvailable' : 'update.notYet', { version: u.latest });
  }
  return u.checked ? t('sys.upToDate') : t('sys.updateUnknown');
}

export function renderUpdate(update) {
  const u = update ?? {};
  last = u;
  const node = byId('sys-update');
  node.dataset.kind = u.required || u.stage === 'FAILED' || u.rolledBack ? 'error' : u.available ? 'info' : '';
  node.textContent = words(u);
  const progress = byId('update-progress');
  progress.hidden = u.stage !== 'DOWNLOADING';
  progress.value = u.total > 0 ? Math.round((100 * u.done) / u.total) : 0;
  progress.setAttribute('aria-label', t('update.progress', { version: u.latest ?? '' }));
  byId('update-restart').hidden = u.stage !== 'READY';
  byId('update-restart').textContent = t(u.selfInstalling ? 'update.restart' : 'update.install');
  // Below the minimum: said on every screen, every start, with the way to the update first.
  const banner = byId('update-banner');
  banner.hidden = !u.required;
  if (u.required) {
    byId('update-banner-text').textContent = t('update.belowMinimum', { minimum: u.minimum, version: u.latest });
  }
}

export function relabelUpdate() {
  renderUpdate(last);
}

export function wireUpdate(show) {
  byId('update-restart').addEventListener('click', async () => {
    try {
      await request('update.apply', {});
    } catch (e) {
      byId('sys-update').textContent = t('update.applyFailed', { message: e.message });
    }
  });
  byId('update-banner-go').addEventListener('click', () => show('status'));
}
