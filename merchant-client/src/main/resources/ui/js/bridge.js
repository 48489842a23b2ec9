// The page's side of the Java bridge: requests go out through window.cefQuery (CefMessageRouter),
// events come in through window.alpha01Bridge.receive(event, payload), called by Java.

export class BridgeError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const listeners = new Map();
let held = [];

/** Sends {type, payload}; resolves with the handler's result, rejects with a BridgeError. */
export function request(type, payload = {}) {
  return new Promise((resolve, reject) => {
    if (typeof window.cefQuery !== 'function') {
      reject(new BridgeError('NO_BRIDGE', 'window.cefQuery is not available'));
      return;
    }
    window.cefQuery({
      request: JSON.stringify({ type, payload }),
      persistent: false,
      onSuccess: (response) => {
        try {
          resolve(response ? JSON.parse(response) : {});
        } catch (e) {
          reject(new BridgeError('BAD_RESPONSE', String(e)));
        }
      },
      onFailure: (status, message) => {
        let error;
        try {
          const parsed = JSON.parse(message);
          error = new BridgeError(String(parsed.code), String(parsed.message));
        } catch {
          error = new BridgeError(`HTTP_${status}`, String(message));
        }
        reject(error);
      },
    });
  });
}

/** Subscribes to one event type. */
export function on(event, listener) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(listener);
}

/** Delivers events that arrived while held (before the start-up snapshot was shown), then goes live. */
export function release() {
  const backlog = held;
  held = null;
  for (const [event, payload] of backlog) deliver(event, payload);
}

function deliver(event, payload) {
  for (const listener of listeners.get(event) ?? []) {
    try {
      listener(payload);
    } catch (e) {
      console.error(`listener for ${event} failed`, e);
    }
  }
}

Object.defineProperty(window, 'alpha01Bridge', {
  value: Object.freeze({
    receive(event, payload) {
      if (typeof event !== 'string' || payload === null || typeof payload !== 'object') return;
      if (held) held.push([event, payload]);
      else deliver(event, payload);
    },
  }),
  writable: false,
  configurable: false,
});
