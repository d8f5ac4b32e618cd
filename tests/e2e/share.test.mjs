// Share and embed: the URL carries the whole run, the embed code works in a
// fresh page, and the blog example hosts several embeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage, servedBrowser } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// `cargo test` (which runs before these) builds the CLI in target/debug.
const csp = ['target/release/csp', 'target/debug/csp'].map((p) => root + p).find(existsSync);

const env = servedBrowser();

async function outputs(page) {
  const items = await page.getByRole('list', { name: 'Output order' }).getByRole('listitem').allInnerTexts();
  // "75 ms  the  word #1" -> "the"
  return items.map((l) => l.trim().split(/\s+/).slice(2).join(' ').replace(/\s*word #\d+$/, ''));
}

test('a URL with every parameter restores that run, and it matches the CLI', async () => {
  const params = { text: 'go rust wasm chan select', buffer: '1', work_ms: '40', capture: 'copy', stop_after: '4' };
  const query = new URLSearchParams({ pattern: 'words', clock: 'virtual', seed: '11', speed: '100', ...params });
  const { page, errors } = await openPage(env.browser, `${env.server.url}?${query}`);
  await page.getByRole('tab', { name: 'Dynamic words', selected: true }).waitFor();
  assert.equal(await page.getByRole('spinbutton', { name: 'Seed' }).inputValue(), '11');
  assert.equal(await page.getByRole('spinbutton', { name: 'Speed' }).inputValue(), '100');
  assert.equal(await page.getByRole('textbox', { name: 'Text' }).inputValue(), params.text);
  assert.equal(await page.getByRole('spinbutton', { name: 'Stop after' }).inputValue(), '4');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 20_000 });
  const sets = Object.entries(params).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
  const cli = execFileSync(csp, ['run', 'words', '--seed', '11', ...sets, '--format', 'json'], { encoding: 'utf8' })
    .trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.kind === 'output').map((e) => e.text);
  assert.equal(cli.length, 4);
  assert.deepEqual(await outputs(page), cli);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing the state updates the URL without adding history', async () => {
  const { page, errors } = await openPage(env.browser, env.server.url);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('tab', { name: 'Deadline' }).click();
  await page.getByRole('spinbutton', { name: 'Deadline (ms)' }).fill('700');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('9');
  await page.waitForURL(/seed=9/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('pattern'), 'deadline');
  assert.equal(url.searchParams.get('deadline_ms'), '700');
  assert.equal(url.searchParams.get('seed'), '9');
  assert.equal(await page.evaluate(() => history.length), before);
  await page.getByRole('button', { name: 'Share link' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Share link URL' }).inputValue(), page.url());
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad values show an alert naming each, and the run uses the defaults', async () => {
  const { page, errors } = await openPage(env.browser, `${env.server.url}?pattern=deadline&deadline_ms=soon&speed=1000&color=red`);
  const alert = await page.getByRole('alert').innerText();
  assert.match(alert, /deadline_ms: "soon" is not a whole number from 1 to 60000; using "1000"/);
  assert.match(alert, /speed: "1000" is not a number from 0.1 to 100 \(at most 3 decimals\); using 1/);
  assert.match(alert, /color: "red" is not a parameter of deadline/);
  await page.getByRole('spinbutton', { name: 'Speed' }).fill('100');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished at 1000 ms/ }).waitFor({ timeout: 20_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embed code, pasted into a fresh page, autoplays only when scrolled into view', async () => {
  const { page } = await openPage(env.browser, `${env.server.url}?pattern=spawn-wait&speed=20`);
  await page.getByRole('button', { name: 'Embed' }).click();
  const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  assert.match(snippet, /^<iframe src="[^"]+embed=1&autoplay=1" title="csp-playground: Spawn and wait" loading="lazy" width="100%"/);
  await page.close();

  const host = await env.browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  host.on('pageerror', (e) => errors.push(String(e)));
  await host.goto(`${env.server.url}blog-example.html`); // same origin, any page will do
  await host.setContent(`<div style="height:2500px">scroll down</div>${snippet.replace('loading="lazy"', '')}`);
  const frame = host.frameLocator('iframe');
  await frame.getByRole('status').waitFor();
  assert.equal(await frame.getByRole('tablist').count(), 0, 'the compact view has no pattern picker');
  assert.ok(await frame.getByRole('link', { name: 'Open in playground' }).isVisible());
  await host.waitForTimeout(400);
  assert.match(await frame.getByRole('status').innerText(), /^Ready/, 'it must not start off screen');
  await host.locator('iframe').scrollIntoViewIfNeeded();
  await frame.getByRole('status').filter({ hasText: /^Finished at 1000 ms/ }).waitFor({ timeout: 10_000 });
  assert.deepEqual(errors, []);
  await host.close();
});

test('the blog example: one script tag turns its elements into embeds that size themselves', async () => {
  const { page, errors } = await openPage(env.browser, `${env.server.url}blog-example.html`);
  await page.locator('img').waitFor();
  assert.ok(await page.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the SVG loads');
  for (const id of ['spawn-wait', 'words', 'deadline']) {
    const frame = page.locator(`#${id} iframe`);
    await frame.scrollIntoViewIfNeeded();
    assert.match(await frame.getAttribute('title'), /^csp-playground: /);
    await page.frameLocator(`#${id} iframe`).getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 20_000 });
    // The height follows the content (460 px until the page says otherwise).
    await page.waitForFunction((sel) => document.querySelector(sel).style.height !== '460px', `#${id} iframe`);
    const h = parseInt(await frame.evaluate((f) => f.style.height), 10);
    assert.ok(h > 200 && h < 2000, `${id}: ${h}`);
  }
  // data-theme="dark" reaches the embed.
  const theme = await page.frameLocator('#deadline iframe').locator('html').getAttribute('data-theme');
  assert.equal(theme, 'dark');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an autoplaying embed pauses when scrolled away and resumes when back', async () => {
  const host = await env.browser.newPage({ viewport: { width: 900, height: 700 } });
  await host.goto(`${env.server.url}blog-example.html`); // same origin
  await host.setContent(`<iframe src="${env.server.url}?pattern=token-cache&speed=1&embed=1&autoplay=1" width="100%" height="500"></iframe><div style="height:3000px"></div>`);
  const frame = host.frameLocator('iframe');
  await frame.getByRole('status').filter({ hasText: /^Running/ }).waitFor({ timeout: 5000 });
  await host.evaluate(() => window.scrollTo(0, 2000));
  await frame.getByRole('status').filter({ hasText: /^Paused/ }).waitFor({ timeout: 5000 });
  await host.evaluate(() => window.scrollTo(0, 0));
  await frame.getByRole('status').filter({ hasText: /^Running/ }).waitFor({ timeout: 5000 });
  await host.close();
});
