// A deployed build under a sub-path, as GitHub Pages serves a project: the
// dist-csp/ folder that `scripts/build.sh --public-url /csp/ --dist dist-csp`
// makes (scripts/test.sh builds it), served at /csp/ by a plain static
// server. A host page on another origin embeds it with one script tag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './harness.mjs';
import { assertAccessible } from './axe.mjs';

const root = fileURLToPath(new URL('../../dist-csp/', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves `files(path)` on a free loopback port. */
async function serve(files) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const found = await files(path);
    if (!found) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': types[found.ext] ?? 'application/octet-stream' }).end(found.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

let site, host, browser;
before(async () => {
  // Only /csp/... exists: anything the build asks for at the root fails.
  site = await serve(async (path) => {
    if (!path.startsWith('/csp/')) return null;
    const rel = normalize(path.slice('/csp/'.length));
    const file = join(root, rel === '.' || rel.endsWith('/') || rel === '' ? join(rel, 'index.html') : rel);
    if (!file.startsWith(root)) return null;
    try { return { body: await readFile(file), ext: extname(file) }; } catch { return null; }
  });
  host = await serve(async (path) => path === '/post.html' ? {
    ext: '.html',
    body: `<!doctype html><html lang="en"><head><title>A post</title><link rel="icon" href="data:,"></head><body style="margin:0"><main>
      <h1>A post</h1>
      <p>Above the fold.</p>
      <div id="a" data-csp-pattern="spawn-wait" data-speed="4" data-autoplay data-theme="dark" data-testid="first"></div>
      <div style="height:3000px"></div>
      <csp-playground id="b" pattern="deadline" seed="1" speed="4" autoplay theme="light" title="The deadline demo" aria-describedby="x"></csp-playground>
      </main><script src="${site.url}/csp/embed.js" defer></script></body></html>`,
  } : null);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

async function open(url) {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

test('the page, an embed and the blog example load under /csp/', async () => {
  for (const path of ['/csp/', '/csp/?pattern=deadline&embed=1']) {
    const { page, errors } = await open(`${site.url}${path}`);
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 20_000 });
    assert.deepEqual(errors, [], path);
    await page.close();
  }
  const { page, errors } = await open(`${site.url}/csp/blog-example.html`);
  await page.locator('#deadline iframe').scrollIntoViewIfNeeded();
  await page.frameLocator('#deadline iframe').getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 20_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a host page on another origin: each embed sizes itself, autoplays in view, and takes its theme', async () => {
  const { page, errors } = await open(`${host.url}/post.html`);
  const a = page.locator('#a iframe');
  const b = page.locator('#b iframe');
  assert.equal(await a.getAttribute('title'), 'csp-playground: spawn-wait');
  // The host's own attributes stay the host's (data-testid, aria-*), and
  // its title names the frame: they became parameters, and an alert.
  assert.equal(await b.getAttribute('title'), 'The deadline demo');
  await page.frameLocator('#a iframe').getByRole('status').filter({ hasText: /^Finished at 1000 ms/ }).waitFor({ timeout: 20_000 });
  assert.doesNotMatch(await a.getAttribute('src'), /testid/);
  assert.equal(await page.frameLocator('#a iframe').getByRole('alert').count(), 0);
  await page.waitForFunction(() => document.querySelector('#a iframe').style.height !== '460px');
  const h = parseInt(await a.evaluate((f) => f.style.height), 10);
  assert.ok(h > 200 && h < 2000, `sized to ${h}px`);
  // Below the fold, the second is not even loaded (loading="lazy"), so it
  // cannot have started; scrolled to, it loads and plays.
  assert.equal(await page.frameLocator('#b iframe').getByRole('status').count(), 0);
  await b.scrollIntoViewIfNeeded();
  await page.frameLocator('#b iframe').getByRole('status').filter({ hasText: /^Finished at 1000 ms/ }).waitFor({ timeout: 20_000 });
  assert.doesNotMatch(await b.getAttribute('src'), /title|aria/);
  assert.equal(await page.frameLocator('#b iframe').getByRole('alert').count(), 0);
  assert.equal(await page.frameLocator('#a iframe').locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.frameLocator('#b iframe').locator('html').getAttribute('data-theme'), 'light');
  // The host page with its embed.js iframes (each titled) passes axe.
  await assertAccessible(page, 'a host page with embed.js iframes');
  assert.deepEqual(errors, []);
  await page.close();
});
