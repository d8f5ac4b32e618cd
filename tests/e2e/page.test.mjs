// The playground page, driven only through CONTRACT.md's roles and names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedBrowser } from './harness.mjs';

const env = servedBrowser();

/** Opens the page on `pattern`, sets Speed to 100 and returns the page. */
async function open(pattern) {
  const { page, errors } = await openPage(env.browser, env.server.url);
  await page.getByRole('tab', { name: pattern }).click();
  await page.getByRole('spinbutton', { name: 'Speed' }).fill('100');
  return { page, errors };
}

async function runToFinish(page, timeout = 20_000) {
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout });
  return page.getByRole('status').innerText();
}

async function outputs(page) {
  return page.getByRole('list', { name: 'Output order' }).getByRole('listitem').allInnerTexts();
}

// (pattern, what the finished page must show)
const PATTERNS = [
  ['Spawn and wait', async (page, status) => {
    assert.match(status, /Finished at 1000 ms/);
    assert.deepEqual((await outputs(page)).map((t) => t.replace(/\s+/g, ' ')), ['1000 ms done after 1000 ms']);
  }],
  ['WaitGroup', async (page) => {
    assert.equal((await outputs(page)).length, 2);
  }],
  ['Dynamic words', async (page) => {
    const lines = await outputs(page);
    assert.equal(lines.length, 9);
    assert.ok(lines.every((l) => /word #\d/.test(l)), 'each word shows its source position');
  }],
  ['Deadline', async (page, status) => {
    assert.match(status, /Finished at 1000 ms/);
    const ledger = page.getByRole('region', { name: 'Deadline' });
    const text = await ledger.innerText();
    assert.match(text, /worker-1\s+1500 ms\s+cancelled at 1000 ms/);
    assert.match(text, /worker-3\s+2000 ms\s+cancelled at 1000 ms/);
    assert.match(text, /worker-0\s+500 ms\s+finished at 500 ms/);
  }],
  ['Token cache', async (page) => {
    const refresher = await page.getByRole('region', { name: 'Refresher' }).innerText();
    assert.match(refresher, /stopped/);
    assert.match(refresher, /refresh count [4-9]/);
  }],
  ['Token future', async (page) => {
    const lines = await outputs(page);
    assert.ok(lines.some((l) => l.includes('error: token cache shut down')));
    assert.ok(lines.some((l) => /tok-\d/.test(l)));
  }],
  ['Pipeline', async (page) => {
    const squares = (await outputs(page)).map((l) => Number(l.trim().split(/\s+/)[2]));
    assert.deepEqual(squares.sort((a, b) => a - b), [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
  }],
];

for (const [pattern, check] of PATTERNS) {
  test(`${pattern} runs to Finished on the virtual clock`, async () => {
    const { page, errors } = await open(pattern);
    const status = await runToFinish(page);
    await check(page, status);
    await page.getByRole('figure', { name: 'Timeline' }).locator('svg').waitFor();
    assert.ok((await page.getByRole('log', { name: 'Event log' }).innerText()).includes(' ms '));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the token cache refresh count grows while it runs', async () => {
  const { page, errors } = await open('Token cache');
  await page.getByRole('spinbutton', { name: 'Speed' }).fill('2');
  await page.getByRole('button', { name: 'Run' }).click();
  const refresher = page.getByRole('region', { name: 'Refresher' });
  await refresher.filter({ hasText: /refresh count 1/ }).waitFor({ timeout: 5000 });
  await refresher.filter({ hasText: /refresh count 2/ }).waitFor({ timeout: 5000 });
  await page.getByRole('button', { name: 'Reset' }).click();
  assert.match(await page.getByRole('status').innerText(), /^Ready/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('failing refreshes stop the token cache', async () => {
  const { page, errors } = await open('Token cache');
  await page.getByRole('textbox', { name: 'Failing refreshes' }).fill('2,3,4');
  await runToFinish(page);
  assert.match(await page.getByRole('region', { name: 'Refresher' }).innerText(), /stopped/);
  assert.ok((await outputs(page)).some((l) => l.includes('main: shutting down: refresh failed 3 times in a row')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('spawn-wait on the real clock finishes after about a second', async () => {
  const { page, errors } = await open('Spawn and wait');
  await page.getByRole('radio', { name: 'Real' }).check();
  await page.getByRole('button', { name: 'Pause', disabled: true }).waitFor();
  await page.getByRole('button', { name: 'Step', disabled: true }).waitFor();
  const t0 = Date.now();
  const status = await runToFinish(page, 10_000);
  const elapsed = Date.now() - t0;
  console.log(`# real clock: finished after ${elapsed} ms of wall time (${status})`);
  assert.ok(elapsed >= 950, `finished after only ${elapsed} ms`);
  assert.match(status, /Finished at 10\d\d ms/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('both code panes keep the line of the latest event in view, and the Go pane stays put while the reader types', async () => {
  const { page, errors } = await open('Token cache');
  await runToFinish(page);
  // The last event is main's last print, near the end of both files: each
  // pane scrolled its own box to it.
  const bothInView = () => {
    const lines = [...document.querySelectorAll('.code .hl')];
    return lines.length === 2 && lines.every((line) => {
      let box = line.parentElement;
      while (box && getComputedStyle(box).overflowY !== 'auto') box = box.parentElement;
      const b = box.getBoundingClientRect();
      const l = line.getBoundingClientRect();
      return box.scrollTop > 0 && l.top >= b.top && l.bottom <= b.bottom;
    });
  };
  await page.waitForFunction(bothInView, null, { timeout: 5000 });
  // While the reader's caret is in the Go, a run's highlight does not pull
  // the box away from it. (Clicked from script, the buttons leave the focus
  // where it is.) Both panes follow in the same frame, so once the Rust
  // pane has followed the new run's last line, the Go pane had its chance.
  const source = page.getByRole('textbox', { name: 'Go source' });
  const rust = page.locator('.code pre[tabindex]');
  await source.focus();
  await source.evaluate((a) => { a.setSelectionRange(0, 0); a.closest('.editor').scrollTop = 0; });
  await page.getByRole('button', { name: 'Reset' }).evaluate((b) => b.click());
  await rust.evaluate((p) => { p.scrollTop = 0; });
  await page.getByRole('button', { name: 'Run' }).evaluate((b) => b.click());
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('.code pre[tabindex]').scrollTop > 0, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Go source');
  assert.equal(await source.evaluate((a) => a.closest('.editor').scrollTop), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('stepping through deadline one event at a time', async () => {
  const { page, errors } = await open('Deadline');
  const log = page.getByRole('log', { name: 'Event log' });
  const step = page.getByRole('button', { name: 'Step' });
  await step.click();
  await page.getByRole('status').filter({ hasText: /^Paused at 0 ms/ }).waitFor();
  // The Rust that runs shows the line the latest event came from, and the
  // Go beside it the line that does the same.
  assert.equal(await page.locator('.code .hl').count(), 2);
  let lines = await log.evaluate((el) => el.querySelectorAll('.ev').length);
  assert.ok(lines >= 1);
  const count = () => log.evaluate((el) => el.querySelectorAll('.ev').length);
  for (let i = 0; i < 5; i++) {
    await step.click();
    // Renders are asynchronous: wait for the new event, at most 2 s.
    await page.waitForFunction((n) => document.querySelectorAll('[role=log] .ev').length > n, lines, { timeout: 2000 });
    const now = await count();
    assert.ok(now > lines, `step ${i} added no event`);
    lines = now;
  }
  // Step on until the deadline passes.
  for (let i = 0; i < 200 && !/^Finished/.test(await page.getByRole('status').innerText()); i++) {
    await step.click();
  }
  assert.match(await page.getByRole('status').innerText(), /^Finished at 1000 ms/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a whole run by keyboard alone', async () => {
  const { page, errors } = await openPage(env.browser, env.server.url);
  const first = page.getByRole('tab', { name: 'Spawn and wait' });
  await first.focus();
  await page.keyboard.press('End'); // Your Go
  await page.keyboard.press('ArrowLeft'); // Pipeline
  await page.keyboard.press('ArrowLeft'); // Token future
  await page.keyboard.press('ArrowLeft'); // Token cache
  await page.keyboard.press('ArrowLeft'); // Deadline
  await page.getByRole('tab', { name: 'Deadline', selected: true }).waitFor(); // renders follow keys asynchronously
  // Tab to Speed, type, then leave the field and press Space to run.
  const speed = page.getByRole('spinbutton', { name: 'Speed' });
  for (let i = 0; i < 12 && !(await speed.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await speed.evaluate((el) => el === document.activeElement), 'Speed is reachable by Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('100');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press(' ');
  await page.getByRole('status').filter({ hasText: /^Finished at 1000 ms/ }).waitFor({ timeout: 20_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

// Run and Pause disable each other: the one pressed by keyboard dropped
// the focus to the page's body.
test('Run and Pause pressed by keyboard hand the focus to each other', async () => {
  const { page, errors } = await openPage(env.browser, `${env.server.url}?pattern=token-cache&speed=1`);
  const run = page.getByRole('button', { name: 'Run' });
  const pause = page.getByRole('button', { name: 'Pause' });
  await run.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Pause');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Run');
  assert.equal(await pause.isDisabled(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

// Typed a key at a time, as a reader types: the field used to snap back to
// the last good value at every keystroke that left it out of range, so
// "0.5" became "1.5" and a seed of "-5" became "15".
test('Speed and Seed keep what the reader types, and say when it is wrong', async () => {
  const { page, errors } = await open('Deadline');
  const speed = page.getByRole('spinbutton', { name: 'Speed' });
  await speed.fill('');
  await speed.pressSequentially('0.5');
  assert.equal(await speed.inputValue(), '0.5');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('speed') === '0.5');
  await speed.fill('');
  await speed.pressSequentially('0');
  await speed.blur();
  assert.equal(await speed.inputValue(), '0');
  await page.locator('input[aria-label="Speed"][aria-invalid="true"]').waitFor();
  await page.getByRole('button', { name: 'Run', disabled: true }).waitFor();
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  await seed.fill('');
  await seed.pressSequentially('-5');
  assert.equal(await seed.inputValue(), '-5');
  await page.locator('input[aria-label="Seed"][aria-invalid="true"]').waitFor();
  // New seed still writes the field from elsewhere.
  await speed.fill('2');
  await page.getByRole('button', { name: 'New seed' }).click();
  await page.waitForFunction(() => /^\d+$/.test(document.querySelector('input[aria-label="Seed"]').value));
  await page.getByRole('button', { name: 'Run', disabled: false }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an invalid parameter is shown beside its field and never run', async () => {
  const { page, errors } = await open('Deadline');
  const field = page.getByRole('spinbutton', { name: 'Deadline (ms)' });
  await field.fill('0');
  await page.locator('#param-deadline_ms[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('.field.invalid').innerText(), /is not a whole number from 1 to 60000/);
  await page.getByRole('button', { name: 'Run', disabled: true }).waitFor();
  await field.fill('300');
  const status = await runToFinish(page);
  assert.match(status, /Finished at 300 ms/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the words gotcha and its fix on the same seed', async () => {
  const { page, errors } = await open('Dynamic words');
  await page.getByRole('combobox', { name: 'Capture' }).selectOption('shared');
  await runToFinish(page);
  const lines = await outputs(page);
  assert.ok(lines.every((l) => l.includes('dog')), lines.join('\n'));
  await page.getByRole('button', { name: 'Show the fix on the same seed' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 20_000 });
  const fixed = await outputs(page);
  assert.equal(new Set(fixed.map((l) => l.trim().split(/\s+/)[2])).size, 8); // "the" appears twice
  assert.deepEqual(errors, []);
  await page.close();
});

test('injected failures stop a running token cache', async () => {
  const { page, errors } = await open('Token cache');
  await page.getByRole('spinbutton', { name: 'Speed' }).fill('4');
  await page.getByRole('button', { name: 'Run' }).click();
  const refresher = page.getByRole('region', { name: 'Refresher' });
  await refresher.filter({ hasText: /refresh count 1/ }).waitFor({ timeout: 5000 });
  // Inject while paused, so the three failures meet three refreshes in a
  // row (clicks are far apart in virtual time at any speed).
  await page.getByRole('button', { name: 'Pause' }).click();
  const inject = page.getByRole('button', { name: 'Inject a failing refresh' });
  for (let i = 0; i < 3; i++) await inject.click();
  await page.getByRole('button', { name: 'Run' }).click();
  await refresher.filter({ hasText: /stopped/ }).waitFor({ timeout: 10_000 });
  assert.match(await refresher.innerText(), /Failures in a row\s+3/);
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 10_000 });
  assert.ok((await page.getByRole('log', { name: 'Event log' }).innerText()).includes('injected: fail-refresh'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('words: orders across 200 seeds, and the channels view', async () => {
  const { page, errors } = await open('Dynamic words');
  await page.getByRole('button', { name: 'Explore 200 seeds' }).click();
  await page.getByText(/distinct orders over 200 seeds/).waitFor({ timeout: 30_000 });
  const distinct = Number((await page.getByText(/distinct orders over 200 seeds/).innerText()).split(' ')[0]);
  assert.ok(distinct > 1, `only ${distinct} orders`);
  assert.ok((await page.getByRole('list', { name: 'Orders across seeds' }).getByRole('listitem').count()) > 1);
  await runToFinish(page);
  const chans = await page.getByRole('heading', { name: 'Channels' }).locator('..').innerText();
  assert.match(chans, /res\s+cap 2/);
  assert.match(chans, /done\s+unbuffered/);
  assert.deepEqual(errors, []);
  await page.close();
});

// CONTRACT.md: the Deadline region appears for the pattern with a context;
// it used to appear only once a run had set the deadline.
test('the Deadline region is there before any run, in the page and in an embed', async () => {
  for (const query of ['pattern=deadline', 'pattern=deadline&embed=1']) {
    const { page, errors } = await openPage(env.browser, `${env.server.url}?${query}`);
    const ledger = page.getByRole('region', { name: 'Deadline' });
    await ledger.waitFor();
    assert.match(await ledger.innerText(), /No deadline yet/);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
