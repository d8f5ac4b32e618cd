// csp-playground's one-tag embed. Include it once on a host page:
//
//   <script src="https://host/path/embed.js" defer></script>
//   <div data-csp-pattern="deadline" data-seed="1" data-autoplay data-theme="dark"></div>
//   <csp-playground pattern="deadline" seed="1" autoplay theme="dark"></csp-playground>
//
// Each becomes an iframe of the embed=1 page served beside this script, and
// the iframe follows its content's height (the page posts it). Every URL
// parameter works as an attribute (data-<name> or <name>). No dependency,
// no stylesheet: the only styles set are the iframe's own, inline.
(() => {
  const script = document.currentScript;
  const base = new URL('./', script ? script.src : location.href);
  const frames = new Map(); // contentWindow -> iframe

  // The page's URL parameters: only these attributes become parameters,
  // so the host's own (title, aria-label, data-testid) stay the host's. A
  // test keeps this list equal to the page's.
  const PARAMS = new Set([
    'pattern', 'clock', 'seed', 'speed', 'theme', 'autoplay', 'code', 'go',
    'buffer', 'call_every_ms', 'caller_timeout_ms', 'callers', 'capture', 'count',
    'deadline_ms', 'delay_ms', 'fail_on', 'refresh_ms', 'run_ms', 'shutdown_ms',
    'stop_after', 'text', 'tolerance', 'ttl_ms', 'work_ms', 'workers',
  ]);

  function query(el, prefix) {
    const params = new URLSearchParams();
    for (const { name, value } of el.attributes) {
      if (!name.startsWith(prefix)) continue;
      let key = name.slice(prefix.length).replace(/-/g, '_');
      if (key === 'csp_pattern') key = 'pattern';
      if (!PARAMS.has(key)) continue;
      // A bare attribute (autoplay) means on.
      params.set(key, value === '' ? '1' : value);
    }
    params.set('embed', '1');
    return params;
  }

  function mount(el, prefix) {
    if (el.dataset.cspMounted) return;
    const params = query(el, prefix);
    el.dataset.cspMounted = '1';
    const frame = document.createElement('iframe');
    frame.src = `${base.href}?${params}`;
    // The host's own name for the embed, where it gave one.
    const named = el.getAttribute('title') || el.getAttribute('aria-label');
    frame.title = named || `csp-playground: ${params.get('pattern') || 'spawn-wait'}`;
    frame.loading = 'lazy';
    frame.setAttribute('style', 'display:block;width:100%;height:460px;border:0;');
    el.appendChild(frame);
    // Each frame's window is known once it exists; match messages to it.
    frames.set(frame.contentWindow, frame);
  }

  addEventListener('message', (event) => {
    if (event.origin !== base.origin || event.data?.type !== 'csp-playground:height') return;
    const height = Number(event.data.height);
    if (!(height > 0 && height < 100000)) return;
    for (const [win, frame] of frames) {
      if (win === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });

  function scan(root) {
    root.querySelectorAll('[data-csp-pattern]').forEach((el) => mount(el, 'data-'));
  }

  if (!customElements.get('csp-playground')) {
    customElements.define('csp-playground', class extends HTMLElement {
      connectedCallback() {
        if (!this.style.display) this.style.display = 'block';
        mount(this, '');
      }
    });
  }
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => scan(document));
  else scan(document);
})();
