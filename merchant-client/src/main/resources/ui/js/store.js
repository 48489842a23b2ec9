// What the page knows: status, QR code and conversations with their messages, deduplicated by
// (conversationId, seq). Pure data, no DOM.

const MAX_MESSAGES = 500;

function validId(value) {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

export class Store {
  constructor() {
    this.status = { state: 'connecting' };
    this.qr = null;
    this.conversations = new Map();
    this.selected = null;
    this.serverStats = null;
    /** The last 7 days from the server (总览's chart), null until it comes. */
    this.trends = null;
    this.everOnline = false;
  }

  setStatus(status) {
    if (status.state === 'online') this.everOnline = true;
    this.status = { ...this.status, ...status, everOnline: this.everOnline };
  }

  setServerStats(stats) {
    this.serverStats = stats && Number.isInteger(stats.conversations) ? { ...stats } : null;
  }

  /** The customer is typing (true) or stopped; shown for 6 s unless refreshed. */
  setTyping(conversationId, typing) {
    const c = this.conversations.get(conversationId);
    if (!c) return false;
    c.typingUntil = typing ? Date.now() + 6000 : 0;
    return true;
  }

  setQr(qr) {
    this.qr = qr && typeof qr.png === 'string' && qr.png.startsWith('data:image/png;base64,') ? { ...qr } : null;
  }

  /** Creates or updates a conversation from a "conversation" event or snapshot entry. */
  upsertConversation(event) {
    if (!event || !validId(event.conversationId)) return null;
    const c = this.#conversation(event.conversationId);
    for (const [key, value] of Object.entries(event)) {
      if (key !== 'messages' && key !== 'conversationId') c[key] = value;
    }
    for (const message of Array.isArray(event.messages) ? event.messages : []) this.addMessage(message);
    return c;
  }

  /** Adds a message; false when it is malformed or already known. */
  addMessage(message) {
    if (!message || !validId(message.conversationId) || !Number.isInteger(message.seq)) return false;
    const c = this.#conversation(message.conversationId);
    if (c.messages.has(message.seq)) return false;
    c.messages.set(message.seq, { ...message, text: String(message.text ?? '') });
    if (c.messages.size > MAX_MESSAGES) c.messages.delete(Math.min(...c.messages.keys()));
    if (typeof message.at === 'string' && !(c.updatedAt > message.at)) c.updatedAt = message.at;
    if (message.conversationId !== this.selected && message.sender === 'CUSTOMER' && !message.old) c.unread += 1;
    if (message.sender === 'CUSTOMER') c.typingUntil = 0;
    return true;
  }

  /** The customer's screen has shown our answers up to seq (a "read" event). */
  markRead(conversationId, seq) {
    const c = this.conversations.get(conversationId);
    if (!c || !Number.isInteger(seq) || seq <= (c.readUpTo ?? 0)) return false;
    c.readUpTo = seq;
    return true;
  }

  /**
   * The newest customer message of the selected conversation not yet reported as read, or 0:
   * what the page reports when staff have it on screen. Marks it reported.
   */
  takeUnreportedRead() {
    const c = this.conversations.get(this.selected);
    if (!c) return 0;
    let newest = 0;
    for (const m of c.messages.values()) if (m.sender === 'CUSTOMER' && m.seq > newest) newest = m.seq;
    if (newest <= (c.reportedRead ?? 0)) return 0;
    c.reportedRead = newest;
    return newest;
  }

  select(conversationId) {
    this.selected = this.conversations.has(conversationId) ? conversationId : null;
    if (this.selected) this.conversations.get(this.selected).unread = 0;
  }

  /** Newest activity first. */
  sortedConversations() {
    return [...this.conversations.values()].sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  }

  messagesOf(conversationId) {
    const c = this.conversations.get(conversationId);
    return c ? [...c.messages.values()].sort((a, b) => a.seq - b.seq) : [];
  }

  /** This PC's own figures for today (local time), for when the server's are not at hand. */
  stats() {
    const today = new Date().toDateString();
    const isToday = (iso) => new Date(iso).toDateString() === today;
    let conversations = 0;
    let customerMessages = 0;
    let answered = 0;
    let byBot = 0;
    let waiting = 0;
    for (const c of this.conversations.values()) {
      const messages = [...c.messages.values()].filter((m) => isToday(m.at));
      if (messages.some((m) => m.sender === 'CUSTOMER')) conversations += 1;
      customerMessages += messages.filter((m) => m.sender === 'CUSTOMER').length;
      for (const m of messages) {
        if (m.sender !== 'CUSTOMER' && Number.isInteger(m.inReplyTo)) {
          answered += 1;
          if (m.sender === 'BOT') byBot += 1;
        }
      }
      if (c.needsStaff && c.state !== 'HUMAN' && c.state !== 'CLOSED') waiting += 1;
    }
    return { conversations, customerMessages, answered, waiting, aiAnswerRate: answered ? byBot / answered : NaN };
  }

  #conversation(id) {
    let c = this.conversations.get(id);
    if (!c) {
      c = { conversationId: id, customer: '', state: 'BOT', updatedAt: '', unread: 0, messages: new Map() };
      this.conversations.set(id, c);
    }
    return c;
  }
}
