// Live store figures pushed by the server (GET /api/v1/stores/live, server-sent events read over fetch, so that
// the console's header goes with it); reconnects with a back-off when the stream ends.

export function follow(onStores, onState) {
  let attempt = 0;
  let stopped = false;
  let controller;
  async function connect() {
    controller = new AbortController();
    try {
      const response = await fetch('/api/v1/stores/live', {
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`live ${response.status}`);
      onState(true);
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (data) onStores(JSON.parse(data));
        }
      }
    } catch (e) {
      if (stopped) return;
    }
    if (stopped) return;
    onState(false);
    const delay = Math.min(30000, 1000 * 2 ** attempt++);
    setTimeout(connect, delay);
  }
  connect();
  return () => { stopped = true; controller?.abort(); };
}
