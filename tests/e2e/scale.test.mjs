// The page as a trace viewer: the Playhead moves every view to any virtual
// time, the timeline zooms and pans, the event log filters and seeks, and a
// run of hundreds of thousands of events stays a bounded DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedBrowser } from './harness.mjs';
import { assertAccessible } from './axe.mjs';

const env = servedBrowser();

async function finished(query) {
  const { page, errors } = await openPage(env.browser, `${env.server.url}?${query}&speed=100`);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 60_000 });
  return { page, errors };
}

const outputs = (page) => page.getByRole('list', { name: 'Output order' }).getByRole('listitem');

test('the Playhead moves every view back and forth in a finished run', async () => {
  const { page, errors } = await finished('pattern=deadline&seed=1');
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  const ledger = page.getByRole('region', { name: 'Deadline' });
  await playhead.focus();
  await page.keyboard.press('Home');
  await page.getByText('Nothing printed yet.').waitFor();
  assert.doesNotMatch(await ledger.innerText(), /cancelled/);
  await playhead.fill('600');
  await outputs(page).first().waitFor();
  assert.equal(await outputs(page).count(), 1);
  assert.match(await ledger.innerText(), /worker-0\s+500 ms\s+finished at 500 ms/);
  assert.doesNotMatch(await ledger.innerText(), /cancelled/);
  await page.keyboard.press('End');
  await ledger.getByText(/cancelled at 1000 ms/).first().waitFor();
  assert.equal(await outputs(page).count(), 5);
  await playhead.fill('999');
  await page.waitForFunction(() => document.querySelectorAll('ol.outputs li').length === 2);
  await assertAccessible(page, 'deadline with the playhead moved back');
  await page.getByRole('button', { name: 'Back to now' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ol.outputs li').length === 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Step walks a moved-back playhead through what was recorded, then follows the run', async () => {
  const { page, errors } = await finished('pattern=deadline&seed=1');
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  const step = page.getByRole('button', { name: 'Step' });
  // A finished run following its end has nothing to step.
  assert.equal(await step.isDisabled(), true);
  await playhead.fill('600');
  await page.waitForFunction(() => document.querySelectorAll('ol.outputs li').length === 1);
  let at = 600;
  for (let i = 0; i < 100 && await page.getByRole('button', { name: 'Back to now' }).count(); i++) {
    await step.click();
    // Each Step moves the playhead to the next recorded moment, or back
    // to following the run (the button goes).
    await page.waitForFunction((before) => {
      const now = document.querySelector('input[aria-label="Playhead"]');
      return !document.querySelector('.playhead button') || Number(now.value) > before;
    }, at);
    at = Number(await playhead.inputValue());
  }
  assert.equal(await page.getByRole('button', { name: 'Back to now' }).count(), 0);
  assert.equal(await outputs(page).count(), 5);
  assert.equal(await step.isDisabled(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the timeline zooms around the playhead, pans by key, and Fit shows the whole run', async () => {
  const { page, errors } = await finished('pattern=deadline&seed=1');
  const figure = page.getByRole('figure', { name: 'Timeline' });
  await figure.getByText('Showing 0s to 1s').waitFor();
  // Zoom keeps the playhead (at the end, 1000 ms) where it is.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await figure.getByText('Showing 500ms to 1s').waitFor();
  const plot = figure.locator('.scroll');
  await plot.focus();
  await page.keyboard.press('ArrowLeft');
  await figure.getByText('Showing 400ms to 900ms').waitFor();

  // With the playhead out of view, zoom keeps the middle.
  await page.keyboard.press('+');
  await figure.getByText('Showing 525ms to 775ms').waitFor();
  await assertAccessible(page, 'timeline zoomed in');
  await page.keyboard.press('-');
  await figure.getByText('Showing 400ms to 900ms').waitFor();
  await page.getByRole('button', { name: 'Fit' }).click();
  await figure.getByText('Showing 0s to 1s').waitFor();
  // Down to the narrowest window (10 ms), then Zoom in says it can do no more.
  for (const shown of ['500ms to 1s', '750ms to 1s', '875ms to 1s', '938ms to 1s', '969ms to 1s', '985ms to 1s', '990ms to 1s']) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await figure.getByText(`Showing ${shown}`).waitFor();
  }
  assert.equal(await page.getByRole('button', { name: 'Zoom in' }).isDisabled(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

// The page's → (Step) also fired when the timeline used the key to pan,
// and moved the playhead with every pan.
test('the right arrow on a zoomed timeline pans without stepping the playhead', async () => {
  const { page, errors } = await finished('pattern=deadline&seed=1');
  const figure = page.getByRole('figure', { name: 'Timeline' });
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  await playhead.fill('300');
  // The timeline runs to the playhead: two zooms show its last quarter.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await figure.getByText('Showing 225ms to 300ms').waitFor();
  await figure.locator('.scroll').focus();
  await page.keyboard.press('ArrowLeft');
  await figure.getByText('Showing 210ms to 285ms').waitFor();
  await page.keyboard.press('ArrowRight');
  await figure.getByText('Showing 225ms to 300ms').waitFor();
  assert.equal(await playhead.inputValue(), '300');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the event log filters by goroutine and kind, and a click moves the playhead', async () => {
  const { page, errors } = await finished('pattern=deadline&seed=1');
  const log = page.getByRole('log', { name: 'Event log' });
  await page.getByLabel('Goroutine', { exact: true }).selectOption({ label: 'worker-2' });
  await page.waitForFunction(() => [...document.querySelectorAll('.log .ev')].every((r) => r.textContent.includes('worker-2')));
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Output' });
  await page.waitForFunction(() => document.querySelectorAll('.log .ev').length === 1);
  assert.match(await log.innerText(), /800 ms\s+worker-2\s+print "worker 2: finished after 800 ms"/);
  await log.getByText(/print "worker 2/).click();
  await page.waitForFunction(() => document.querySelector('input[aria-label="Playhead"]').value === '800');
  assert.equal(await outputs(page).count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

// The contract promises one list item per output line: every line is listed
// up to 1,000 (the most a pipeline prints), the latest 64 past that.
test('the output order lists every line of a 1,000-line run', async () => {
  const { page, errors } = await finished('pattern=pipeline&count=1000&workers=20&work_ms=50');
  assert.equal(await outputs(page).count(), 1000);
  assert.equal(await page.getByRole('list', { name: 'Output order' }).getAttribute('start'), '1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a run of ~200k events finishes with a bounded DOM', async () => {
  const { page, errors } = await finished('pattern=token-cache&callers=20&call_every_ms=10&run_ms=20000');
  const rows = await page.getByRole('log', { name: 'Event log' }).locator('.ev').count();
  assert.ok(rows < 120, `${rows} event log rows in the DOM`);
  // textContent: the log's card may be off screen, where its text is not laid out.
  assert.match(await page.getByText(/^\d+ rows;/).textContent(), /^1\d\d\d\d\d rows/);
  const svgNodes = await page.getByRole('figure', { name: 'Timeline' }).locator('svg *').count();
  assert.ok(svgNodes < 20_000, `${svgNodes} timeline nodes`);
  assert.ok((await outputs(page).count()) <= 200);
  // Scroll the virtual log to its top: the first events render there.
  await page.getByRole('log', { name: 'Event log' }).evaluate((l) => { l.scrollTop = 0; l.dispatchEvent(new Event('scroll')); });
  await page.getByRole('log', { name: 'Event log' }).getByText(/go refresher/).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

// A view below the fold stops following a playing run once its list is
// past its first thousand rows (its rows were rewritten every frame where
// no one saw them), and catches up as soon as it is in view, or once the
// run pauses.
test('views off screen are held while a run plays, and catch up in view or on pause', async () => {
  const { page, errors } = await openPage(env.browser,
    `${env.server.url}?pattern=token-cache&callers=20&call_every_ms=10&run_ms=120000&speed=10`);
  const status = page.getByRole('status');
  const list = page.getByRole('list', { name: 'Output order' });
  // What the output list shows: where it starts, how many rows, the last.
  const shown = () => list.evaluate((l) => `${l.getAttribute('start')}|${l.children.length}|${l.lastElementChild?.textContent}`);
  const runningPast = (t) => page.waitForFunction((t) => {
    const m = document.querySelector('[role=status]').textContent.match(/^Running: (\d+) ms/);
    return m && Number(m[1]) > t;
  }, t);
  await page.getByRole('button', { name: 'Run' }).click();
  // 5 s of the run print thousands of lines, with the list off screen.
  await runningPast(5000);
  const held = await shown();
  await runningPast(10_000);
  assert.equal(await shown(), held, 'the output list followed the run off screen');
  // In view, it follows the run again while it plays.
  await list.scrollIntoViewIfNeeded();
  await page.waitForFunction(({ held }) => {
    const l = document.querySelector('ol.outputs');
    const now = `${l.getAttribute('start')}|${l.children.length}|${l.lastElementChild?.textContent}`;
    return now !== held && /^Running/.test(document.querySelector('[role=status]').textContent);
  }, { held });
  assert.match(await page.getByText(/^\d+ lines printed/).textContent(), /latest 64 are listed/);
  // Out of view again, then paused: every view shows the paused run at
  // once, not when it is next scrolled into view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Pause' }).click();
  await status.filter({ hasText: /^Paused/ }).waitFor();
  const paused = await shown();
  await list.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await shown(), paused, 'a paused run showed a held view until it was scrolled into view');
  assert.deepEqual(errors, []);
  await page.close();
});

// Two million rows at 18 px is 36 million px: past Chromium's cap on an
// element's height (about 33.5 million), where rows placed at their index
// could not be reached, and a log following the run showed nothing.
test('an event log of two million rows follows to its newest row and seeks to any other', async () => {
  const { page, errors } = await openPage(env.browser, env.server.url);
  await page.getByRole('tab', { name: 'Your Go' }).click();
  await page.getByRole('textbox', { name: 'Go source' }).fill(`package main

import (
\t"fmt"
\t"time"
)

func main() {
\tfor i := 0; i < 2000000; i++ {
\t\tfmt.Println(i)
\t\tif i%1000 == 999 {
\t\t\ttime.Sleep(time.Millisecond)
\t\t}
\t}
}
`);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished|^Error/ }).waitFor({ timeout: 300_000 });
  assert.match(await page.getByRole('status').innerText(), /^Finished at 2000 ms/);
  const log = page.getByRole('log', { name: 'Event log' });
  await log.scrollIntoViewIfNeeded();
  // The rows that are in the list's view, as the reader sees them.
  const visible = () => log.evaluate((l) => {
    const view = l.getBoundingClientRect();
    return [...l.querySelectorAll('.ev')]
      .filter((r) => { const b = r.getBoundingClientRect(); return b.top >= view.top - 1 && b.bottom <= view.bottom + 1; })
      .map((r) => r.textContent.replace(/\s+/g, ' ').trim());
  });
  await page.waitForFunction(() => document.querySelector('[role=log]').scrollTop > 0);
  assert.ok((await visible()).some((r) => r.includes('print "1999999"')), (await visible()).join('\n'));
  // The playhead moves the log to the row at 1000 ms, in view.
  await page.getByRole('slider', { name: 'Playhead' }).fill('1000');
  await page.waitForFunction(() => {
    const l = document.querySelector('[role=log]');
    const row = l.querySelector('.at-playhead');
    if (!row) return false;
    const view = l.getBoundingClientRect();
    const b = row.getBoundingClientRect();
    return b.top >= view.top && b.bottom <= view.bottom;
  });
  assert.match((await visible()).join("\n"), /1000 ms main print "1000999"\n1000 ms main blocked on time.Sleep/);
  assert.deepEqual(errors, []);
  await page.close();
});
