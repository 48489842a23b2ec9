// The console's calls: same origin, the session cookie, and the header that marks them as the console's own
// (the server takes a cookie on its staff APIs only with it, D56). A session that ran out signs in again.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    // The browser session ended: the console page itself signs in again (Keycloak), then comes back.
    location.reload();
    throw new ApiError(401, 'UNAUTHENTICATED', 'signed out');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json?.error ?? 'SERVER_ERROR', json?.message ?? response.statusText);
  }
  return json;
}

export const api = {
  me: () => call('GET', '/api/v1/me'),
  stores: () => call('GET', '/api/v1/stores'),
  shop: (code, from, to) => call('GET', `/api/v1/analytics/shop?${query({ merchant: code, from, to })}`),
  chain: (from, to) => call('GET', `/api/v1/analytics/chain?${query({ from, to })}`),
  health: () => call('GET', '/api/v1/health/ready'),
  releases: () => call('GET', '/api/v1/admin/client-releases'),
  publishRelease: (target, release) => call('PUT', `/api/v1/admin/client-releases/${encodeURIComponent(target)}`, release),
  signOut: () => call('POST', '/console/sign-out'),
  createChain: (code, name) => call('POST', '/api/v1/admin/chains', { code, name }),
  createMerchant: (code, name, chainCode) => call('POST', '/api/v1/admin/merchants', { code, name, chainCode }),
  qrCodes: (store) => call('GET', `/api/v1/qr-codes?${query({ merchant: store })}`),
  createQr: (store, label, scene) => call('POST', `/api/v1/qr-codes?${query({ merchant: store })}`, { label, scene }),
  revokeQr: (store, id) => call('POST', `/api/v1/qr-codes/${encodeURIComponent(id)}/revoke?${query({ merchant: store })}`),
  staff: (store) => call('GET', `/api/v1/stores/${encodeURIComponent(store)}/staff`),
  addStaff: (store, user) => call('POST', `/api/v1/stores/${encodeURIComponent(store)}/staff`, user),
  setStaffEnabled: (store, id, enabled) => call('POST',
    `/api/v1/stores/${encodeURIComponent(store)}/staff/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`),
  resetStaffPassword: (store, id) => call('POST',
    `/api/v1/stores/${encodeURIComponent(store)}/staff/${encodeURIComponent(id)}/reset-password`),
};

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  return q.toString();
}
