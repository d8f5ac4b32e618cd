// The page at scale, for scripts/bench.sh: plays big runs in the release
// page (dist/) in headless Chromium at speed 100 and prints, per run, the
// wall time to Finished, the frames the page drew meanwhile (worst gap,
// gaps over 50 ms, frames per second), the events and wasm memory per
// event, and how long a zoom takes to show; then switches pattern and
// resets 1000 times and prints memory after each 100. Numbers, not
// pass/fail.
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const RUNS = (process.env.PAGE_RUNS ?? [
  'pattern=pipeline&count=1000&workers=20&work_ms=50',
  'pattern=token-cache&callers=20&call_every_ms=10&run_ms=20000',
  'pattern=token-cache&callers=20&call_every_ms=10&run_ms=120000',
].join(' ')).split(' ');

const server = await serveDist();
const browser = await launch();

async function open(query) {
  const page = await browser.newPage();
  // Trunk's loader announces the instance; keep it to read wasm memory.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.goto(`${server.url}?${query}`);
  await page.getByRole('button', { name: 'Run' }).waitFor();
  await page.waitForFunction(() => window.__wasm);
  return page;
}

const wasmBytes = (page) => page.evaluate(() => window.__wasm.memory.buffer.byteLength);
const heapBytes = (page) => page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);

try {
  for (const query of RUNS) {
    const page = await open(`${query}&speed=100`);
    const before = await wasmBytes(page);
    await page.evaluate(() => {
      window.__frames = [];
      const tick = (t) => { window.__frames.push(t); window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
    });
    const start = Date.now();
    await page.getByRole('button', { name: 'Run' }).click();
    // Polled every 100 ms, not by a locator: a locator's wait queries the
    // accessibility tree in every animation frame, on the main thread whose
    // frames this measures.
    await page.waitForFunction(
      () => /^(Finished|Error)/.test(document.querySelector('[role=status]')?.textContent ?? ''),
      null, { polling: 100, timeout: 900_000 });
    const wall = Date.now() - start;
    const frames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    const worst = Math.max(0, ...gaps);
    const events = Number((await page.getByText(/^\d+ rows;/).textContent()).split(' ')[0]);
    const after = await wasmBytes(page);
    // A zoom: from the click to the frame that shows it.
    const zoomMs = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Zoom in');
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    console.log(`${query}`);
    console.log(`  wall ${wall} ms, ${events} events, frames ${frames.length} (${(frames.length / (wall / 1000)).toFixed(1)} fps), worst gap ${worst.toFixed(0)} ms, gaps over 50 ms: ${gaps.filter((g) => g > 50).length}, frames that took three refreshes or more (over 40 ms): ${gaps.filter((g) => g > 40).length}`);
    // Where the slowest frames fell, from the first frame of the run.
    const slowest = gaps.map((g, i) => [g, frames[i] - frames[0]]).sort((a, b) => b[0] - a[0]).slice(0, 5);
    console.log(`  slowest frames: ${slowest.map(([g, t]) => `${g.toFixed(0)} ms at ${t.toFixed(0)}`).join(', ')}`);
    console.log(`  wasm memory ${(after / 1e6).toFixed(1)} MB (grew ${((after - before) / 1e6).toFixed(1)} MB, ${events ? ((after - before) / events).toFixed(0) : '-'} bytes per event), zoom shown in ${zoomMs.toFixed(0)} ms`);
    await page.close();
  }

  // 1000 switches of pattern and Reset in one tab (PAGE_SWITCHES=0 skips them).
  const switches = Number(process.env.PAGE_SWITCHES ?? 1000);
  const page = await open('pattern=spawn-wait&speed=100');
  const tabs = ['Spawn and wait', 'WaitGroup', 'Dynamic words', 'Deadline', 'Token cache', 'Token future', 'Pipeline'];
  const rows = [];
  // A real collection before each reading (the page has no window.gc), so
  // the JS heap figure is what is live, not what the collector left.
  const cdp = await page.context().newCDPSession(page);
  for (let i = 1; i <= switches; i++) {
    await page.getByRole('tab', { name: tabs[i % tabs.length], exact: true }).click();
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('button', { name: 'Reset' }).click();
    if (i % 100 === 0) {
      await cdp.send('HeapProfiler.collectGarbage');
      rows.push([i, await wasmBytes(page), await heapBytes(page)]);
    }
  }
  console.log('switches  wasm MB  JS heap MB');
  for (const [i, w, h] of rows) console.log(`${String(i).padStart(8)} ${(w / 1e6).toFixed(1).padStart(8)} ${(h / 1e6).toFixed(1).padStart(11)}`);
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
