// The customer socket: opens /ws/customer with a fresh one-time ticket, reconnects with backoff,
// and resends unacknowledged messages with their original ids (the server stores each id once).

/** "I am typing" goes out at most this often while the customer composes (the server relays one a second). */
const TYPING_EVERY_MS = 2500;

/**
 * Refusals that say "not now": the server stored nothing, and the same frame (same id) may go again.
 * UNAVAILABLE: its database is away for a moment; RATE_LIMITED: too fast; SERVER_ERROR: a fault.
 */
const RETRYABLE = new Set(['UNAVAILABLE', 'RATE_LIMITED', 'SERVER_ERROR']);
/** A refused message is sent again after 2, 4, 8 … s (at most 30 s), up to this many times. */
const MAX_RETRIES = 8;
/**
 * The page paces what it sends: a burst of SEND_BURST frames, then one each SEND_EVERY_MS. The server lets
 * a customer socket pass a burst of 20, then 5 a second, and drops what is over (answering one
 * RATE_LIMITED that names no message): a page that keeps under it never loses a frame to the limit,
 * however many messages wait after a reconnect or an outage.
 */
const SEND_BURST = 10;
const SEND_EVERY_MS = 250;

export class ChatSocket {
  constructor(openSession, handlers) {
    this.openSession = openSession;
    this.handlers = handlers;
    this.pending = new Map();
    this.attempt = 0;
    this.queue = [];
    this.tokens = SEND_BURST;
    this.refilledAt = Date.now();
  }

  async connect() {
    this.handlers.onStatus('connecting');
    let session;
    try {
      session = await this.openSession();
    } catch (e) {
      if (!e.retryable) {
        this.handlers.onFatal(e);
        return;
      }
      this.handlers.onStatus('offline');
      const delay = Math.min(30000, 1000 * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
      setTimeout(() => this.connect(), delay);
      return;
    }
    this.conversationId = session.conversationId;
    this.handlers.onSession(session);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // Reconnecting, the page says what it holds and gets only what came after (resume).
    const since = this.maxSeq ? `&since=${this.maxSeq}` : '';
    const ws = new WebSocket(`${scheme}://${location.host}/ws/customer?ticket=${encodeURIComponent(session.ticket)}${since}`);
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.attempt = 0;
      this.queue = []; // frames meant for the last socket: what is unacknowledged goes again below
      this.handlers.onStatus('online');
      this.flushPending();
    });
    ws.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
    ws.addEventListener('close', (event) => {
      this.handlers.onStatus('offline');
      if (event.code === 4003 || event.code === 4004) {
        // Idle (4003): the server closed a tab nobody used for long. Too many tabs (4004): this chat is
        // open in more tabs than the server allows. Either way, reconnect when the customer is back.
        this.idle = true;
        this.handlers.onIdle?.(event.code === 4004 ? 'tooManyTabs' : 'idle');
        return;
      }
      if (event.code === 1008 && this.attempt > 3) { this.handlers.onFatal(new Error('policy')); return; }
      const delay = Math.min(30000, 500 * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
      setTimeout(() => this.connect(), delay);
    });
  }

  receive(frame) {
    switch (frame.type) {
      case 'ack':
        this.pending.delete(frame.id);
        this.retries?.delete(frame.id);
        this.handlers.onAck(frame);
        break;
      case 'message':
        this.maxSeq = Math.max(this.maxSeq ?? 0, frame.seq);
        this.handlers.onMessage(frame);
        if (frame.sender !== 'CUSTOMER') {
          this.send({ type: 'delivered', conversationId: frame.conversationId, seq: frame.seq });
          this.maxAnswerSeq = Math.max(this.maxAnswerSeq ?? 0, frame.seq);
          this.reportRead();
        }
        break;
      case 'read':
        this.handlers.onRead?.(frame);
        break;
      case 'typing':
        this.handlers.onTyping?.(frame);
        break;
      case 'draft':
        this.handlers.onDraft?.(frame);
        break;
      case 'state':
        this.handlers.onState?.(frame);
        break;
      case 'welcome':
        this.handlers.onWelcome?.(frame);
        break;
      case 'rated':
        this.handlers.onRated?.(frame);
        break;
      case 'error':
        if (RETRYABLE.has(frame.code) && this.pending.has(frame.ref) && this.retryLater(frame.ref)) {
          this.handlers.onRetrying?.(frame);
        } else if (RETRYABLE.has(frame.code) && !frame.ref) {
          // A refusal naming no message: a receipt refused for now (the server sends its message again),
          // or frames over the rate, dropped: whatever is unacknowledged goes again a little later, paced.
          if (this.pending.size && !this.flushTimer) {
            this.flushTimer = setTimeout(() => { this.flushTimer = null; this.flushPending(); }, 2000);
            this.handlers.onRetrying?.(frame);
          }
        } else {
          this.handlers.onError(frame);
        }
        break;
      case 'ping':
        if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'pong', nonce: frame.nonce }));
        break;
      default:
        break;
    }
  }

  /** Read receipt: while the page is visible, the answers up to the newest one shown are read. */
  reportRead() {
    if (document.visibilityState !== 'visible' || !this.maxAnswerSeq || this.maxAnswerSeq <= (this.reportedRead ?? 0)) return;
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    this.reportedRead = this.maxAnswerSeq;
    this.send({ type: 'read', conversationId: this.conversationId, seq: this.maxAnswerSeq });
  }

  /** The customer is back (typing, or the page visible again): reconnect after an idle close. */
  wake() {
    if (!this.idle) return;
    this.idle = false;
    this.connect();
  }

  /** The customer composes (true) or stopped (false): "typing" at most every 2.5 s, "stopped" once after it. */
  reportTyping(active) {
    if (!this.conversationId || this.ws?.readyState !== WebSocket.OPEN) return;
    if (active) {
      const now = Date.now();
      if (now - (this.typingSentAt ?? 0) < TYPING_EVERY_MS) return;
      this.typingSentAt = now;
      this.typingTold = true;
    } else {
      if (!this.typingTold) return;
      this.typingTold = false;
    }
    this.send({ type: 'typing', conversationId: this.conversationId, typing: active });
  }

  /** The customer's rating of the closed conversation (the server answers `rated`, or an error). */
  rate(score, comment) {
    const frame = { type: 'rate', conversationId: this.conversationId, score };
    if (comment) frame.comment = comment;
    this.send(frame);
  }

  /** The highest seq this page holds. */
  lastSeq() {
    return this.maxSeq ?? 0;
  }

  sendText(text) {
    const id = crypto.randomUUID().replaceAll('-', '');
    const frame = { type: 'send', id, text };
    this.pending.set(id, frame);
    this.send(frame);
    this.wake();
    return id;
  }

  /** Sends every unacknowledged message again (paced, like everything the page sends). */
  flushPending() {
    for (const frame of this.pending.values()) this.send(frame);
  }

  /** Sends the pending frame `id` again a little later; false once it was retried too often. */
  retryLater(id) {
    this.retries ??= new Map();
    const attempt = (this.retries.get(id) ?? 0) + 1;
    if (attempt > MAX_RETRIES) return false;
    this.retries.set(id, attempt);
    const delay = Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
    setTimeout(() => { if (this.pending.has(id)) this.send(this.pending.get(id)); }, delay);
    return true;
  }

  /** Queues a frame for the open socket; a message already waiting in the queue is not queued twice. */
  send(frame) {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    if (frame.type === 'send' && this.queue.some((f) => f.type === 'send' && f.id === frame.id)) return;
    this.queue.push(frame);
    this.drain();
  }

  /** Sends what the pace allows now (SEND_BURST, then one each SEND_EVERY_MS); the rest a little later. */
  drain() {
    if (this.drainTimer) return;
    const now = Date.now();
    this.tokens = Math.min(SEND_BURST, this.tokens + (now - this.refilledAt) / SEND_EVERY_MS);
    this.refilledAt = now;
    while (this.queue.length && this.tokens >= 1 && this.ws?.readyState === WebSocket.OPEN) {
      const frame = this.queue.shift();
      if (frame.type === 'send' && !this.pending.has(frame.id)) continue; // acknowledged meanwhile
      this.ws.send(JSON.stringify(frame));
      this.tokens -= 1;
    }
    if (this.queue.length) {
      this.drainTimer = setTimeout(() => { this.drainTimer = null; this.drain(); }, SEND_EVERY_MS);
    }
  }
}
