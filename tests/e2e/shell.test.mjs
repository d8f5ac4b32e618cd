// The app shell: it loads, names everything by role, works by keyboard, and
// no link can make it panic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedBrowser } from './harness.mjs';

const TITLES = ['Spawn and wait', 'WaitGroup', 'Dynamic words', 'Deadline', 'Token cache', 'Token future', 'Pipeline', 'Your Go'];

const env = servedBrowser();

test('the page loads with its title and every pattern, without console errors', async () => {
  const { page, errors } = await openPage(env.browser, env.server.url);
  const tablist = page.getByRole('tablist', { name: 'Patterns' });
  await tablist.waitFor();
  // The app marks the moment its first render is in the DOM and its
  // handlers are live; the mark's time counts from navigation start.
  const interactive = await page.evaluate(() => performance.getEntriesByName('csp-interactive')[0]?.startTime);
  assert.ok(interactive > 0, 'the app marks when it is interactive');
  console.log(`# interactive ${interactive.toFixed(0)} ms after navigation (release build, loopback)`);
  assert.match(await page.title(), /csp-playground/);
  await page.getByRole('heading', { name: 'csp-playground' }).waitFor();
  const names = await tablist.getByRole('tab').allInnerTexts();
  assert.deepEqual(names.map((n) => n.trim()), TITLES);
  assert.match(await page.getByRole('status').innerText(), /^Ready/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('tabs are operable by keyboard', async () => {
  const { page, errors } = await openPage(env.browser, env.server.url);
  const first = page.getByRole('tab', { name: 'Spawn and wait' });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const second = page.getByRole('tab', { name: 'WaitGroup' });
  await page.getByRole('tab', { name: 'WaitGroup', selected: true }).waitFor(); // renders follow keys asynchronously
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'WaitGroup');
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Your Go', selected: true }).waitFor(); // renders follow keys asynchronously
  await page.getByRole('heading', { name: 'Your Go', level: 2 }).waitFor();
  await page.keyboard.press('ArrowRight'); // wraps to the first
  await page.getByRole('tab', { name: 'Spawn and wait', selected: true }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('no link can crash the page: the old test hook ?__test_panic=1 is gone', async () => {
  // The panic hook itself (an alert with Reload) is tested in the browser
  // tests (tests/it/ui.rs), which call what the hook does directly.
  const { page, errors } = await openPage(env.browser, `${env.server.url}?__test_panic=1`);
  // The mark comes from the first effect, where the hook used to panic.
  await page.waitForFunction(() => performance.getEntriesByName('csp-interactive').length > 0);
  assert.match(await page.getByRole('status').innerText(), /^Ready/);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
