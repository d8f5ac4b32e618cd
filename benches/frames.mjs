// Where a big run's slow frames go, for whoever works on the frame-gap
// target: plays one run (a query, default the 1.17M-event token cache) at
// speed 100 in the profiling build that scripts/frames.sh makes (wasm with
// its function names), records a Chrome trace with JavaScript samples, and
// prints
// - each gap between frames of 45 ms or more, with the main thread's tasks
//   in it and what each spent on script, style, layout, paint and GC;
// - the functions with the most samples inside the long script tasks (over
//   18 ms with no layout of their own), inclusive, which is where a
//   frame's script time goes, and then by their own time, which is what
//   the work is.
// A tool, not a test: the numbers move with the machine's load, and
// tracing slows the page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';

const dist = fileURLToPath(new URL('../dist-prof/', import.meta.url));
const query = process.argv[2] ?? 'pattern=token-cache&callers=20&call_every_ms=10&run_ms=120000';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (path.endsWith('/')) path += 'index.html';
  const file = join(dist, path);
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  try {
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await launch();

try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/?${query}&speed=100`);
  await page.getByRole('button', { name: 'Run' }).waitFor();
  // A mark per frame, so the trace has the frames on its own clock.
  await page.evaluate(() => {
    const tick = () => { performance.mark('frame'); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'],
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(
    () => /^(Finished|Error)/.test(document.querySelector('[role=status]')?.textContent ?? ''),
    null, { polling: 100, timeout: 900_000 });
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;

  // The main thread is the one with the most task time.
  const taskTime = {};
  for (const e of events) if (e.name === 'RunTask' && e.dur) taskTime[e.tid] = (taskTime[e.tid] ?? 0) + e.dur;
  const main = Number(Object.entries(taskTime).sort((a, b) => b[1] - a[1])[0][0]);
  const onMain = events.filter((e) => e.tid === main);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur).sort((a, b) => a.ts - b.ts);
  const frames = onMain.filter((e) => e.name === 'frame').map((e) => e.ts).sort((a, b) => a - b);
  const parts = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'MinorGC', 'MajorGC'];
  const inside = (t, name) => onMain.filter((e) => e.name === name && e.dur && e.ts >= t.ts && e.ts < t.ts + t.dur);
  const breakdown = (t) => parts
    .map((p) => [p, inside(t, p).reduce((sum, e) => sum + e.dur, 0)])
    .filter(([, us]) => us >= 100)
    .map(([p, us]) => `${p} ${(us / 1000).toFixed(1)}`)
    .join(', ');

  console.log(`${query}: ${frames.length} frames`);
  for (let i = 1; i < frames.length; i++) {
    const gap = (frames[i] - frames[i - 1]) / 1000;
    if (gap < 45) continue;
    console.log(`gap ${gap.toFixed(1)} ms, ${((frames[i - 1] - frames[0]) / 1000).toFixed(0)} ms into the run`);
    for (const t of tasks.filter((t) => t.ts + t.dur > frames[i - 1] && t.ts < frames[i] && t.dur >= 1000)) {
      console.log(`  at +${((t.ts - frames[i - 1]) / 1000).toFixed(1)}: task ${(t.dur / 1000).toFixed(1)} ms: ${breakdown(t)}`);
    }
  }

  // The JavaScript samples, on the trace's clock.
  const nodes = new Map();
  const parent = new Map();
  const samples = [];
  let clock = 0;
  for (const e of events.filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts)) {
    if (e.name === 'Profile') {
      clock = e.args.data.startTime;
      continue;
    }
    const cpu = e.args.data.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) {
      nodes.set(n.id, n);
      if (n.parent) parent.set(n.id, n.parent);
    }
    const deltas = e.args.data.timeDeltas ?? [];
    (cpu.samples ?? []).forEach((id, k) => {
      clock += deltas[k];
      samples.push([clock, id]);
    });
  }
  const scripts = tasks.filter((t) => t.dur > 18_000 && inside(t, 'Layout').length === 0);
  const counts = new Map();
  const own = new Map();
  let total = 0;
  for (const [ts, id] of samples) {
    if (!scripts.some((t) => ts >= t.ts && ts < t.ts + t.dur)) continue;
    total++;
    const leaf = (nodes.get(id)?.callFrame?.functionName ?? '?').replace(/::h[0-9a-f]{16}/g, '') || '(anonymous)';
    own.set(leaf, (own.get(leaf) ?? 0) + 1);
    const seen = new Set();
    for (let n = id; n; n = parent.get(n)) {
      const name = (nodes.get(n)?.callFrame?.functionName ?? '?').replace(/::h[0-9a-f]{16}/g, '');
      if (!seen.has(name)) {
        seen.add(name);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  const ms = scripts.reduce((sum, t) => sum + t.dur, 0) / 1000;
  console.log(`\n${scripts.length} script tasks over 18 ms, ${ms.toFixed(0)} ms in all; share of their samples, inclusive:`);
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${(100 * n / total).toFixed(1).padStart(6)}%  ${name.slice(0, 150)}`);
  }
  // The same samples by the function that was running (its own time): where
  // the inclusive list says which caller, this says which work.
  console.log('\nshare of their samples, own time:');
  for (const [name, n] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(100 * n / total).toFixed(1).padStart(6)}%  ${name.slice(0, 150)}`);
  }
} finally {
  await browser.close();
  server.close();
}
