// Accessibility as a gate: axe-core finds nothing on any view of the release
// build, and the page keeps still for readers who ask for reduced motion.
//
// Audited: every pattern, as the full page and as the embed (embed=1), each
// in light and dark (the emulated system colour scheme, and the Theme
// button's own choice), at desktop and phone width, before a run and after
// one has finished (see AFTER for how the combinations are shared out);
// plus the states that add their own markup (link errors,
// an invalid field, the words gotcha callout, orders across seeds, a paused
// step).
//
// The playground's own states are audited at the end of this file: the Go
// editor with a compile error shown, and "Your Go" with its "Start from"
// list and a deadlock reported. The timeline zoomed with the "Playhead"
// moved is audited in scale.test.mjs, and a host page with the embed
// script's iframes in deploy.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser } from './harness.mjs';
import { assertAccessible, axeVersion } from './axe.mjs';

const env = servedBrowser();

const PATTERNS = ['spawn-wait', 'waitgroup', 'words', 'deadline', 'token-cache', 'token-future', 'pipeline'];
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const SCHEMES = ['light', 'dark'];

/** A fresh page (own context: colour scheme, viewport) at `query`. */
async function open(query, options = {}) {
  const context = await env.browser.newContext({ viewport: SIZES.desktop, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${env.server.url}?${query}`);
  await page.getByRole('status').filter({ hasText: /^Ready/ }).waitFor();
  return { page, errors, close: () => context.close() };
}

const EVERY = SCHEMES.flatMap((scheme) => Object.keys(SIZES).map((size) => [scheme, size]));

/**
 * Audits `page` in each [scheme, size] of `combos` (all four by default);
 * restores light desktop.
 */
async function audit(page, label, combos = EVERY) {
  for (const [scheme, size] of combos) {
    await page.setViewportSize(SIZES[size]);
    await page.emulateMedia({ colorScheme: scheme });
    await assertAccessible(page, `${label}, ${scheme}, ${size}`);
  }
  await page.setViewportSize(SIZES.desktop);
  await page.emulateMedia({ colorScheme: 'light' });
}

// A finished run's page is large (the event log alone has hundreds of rows)
// and axe's colour-contrast rule costs about a second on it under load, so
// after a run each pattern gets two of the four combinations, both schemes
// and both widths, alternating between patterns: every pattern is audited
// after a run in light and dark and at both widths, and every
// scheme-and-width pair after a run on some pattern. Before a run the page
// is small and gets all four.
const AFTER = [
  [['light', 'desktop'], ['dark', 'phone']],
  [['dark', 'desktop'], ['light', 'phone']],
];

async function runToFinish(page) {
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 30_000 });
}

// The full page and the embed are audited side by side (two pages of one
// browser): most of the time goes to axe in the page, and two renderers use
// both cores.
describe('every pattern', { concurrency: 2 }, () => {
  for (const embed of [false, true]) {
    const view = embed ? 'embed' : 'full page';
    test(`axe-core ${axeVersion}: every pattern, ${view}, light and dark, desktop and phone, before and after a run`, async () => {
      for (const pattern of PATTERNS) {
        const { page, errors, close } = await open(`pattern=${pattern}&speed=100${embed ? '&embed=1' : ''}`);
        await audit(page, `${pattern}, ${view}, before a run`);
        await runToFinish(page);
        await audit(page, `${pattern}, ${view}, finished`, AFTER[PATTERNS.indexOf(pattern) % 2]);
        assert.deepEqual(errors, []);
        await close();
      }
    });
  }
});

test('the Theme button forces dark or light over the system scheme, and both pass', async () => {
  for (const system of SCHEMES) {
    const { page, errors, close } = await open('pattern=token-cache&speed=100', { colorScheme: system });
    await runToFinish(page);
    const forced = system === 'light' ? 'dark' : 'light';
    // system -> dark -> light: click until the page is forced to the other scheme.
    for (let i = 0; i < 2 && (await page.getAttribute('html', 'data-theme')) !== forced; i++) {
      await page.getByRole('button', { name: /^Theme:/ }).click();
    }
    assert.equal(await page.getAttribute('html', 'data-theme'), forced);
    await assertAccessible(page, `token-cache finished, system ${system}, Theme: ${forced}`);
    assert.deepEqual(errors, []);
    await close();
  }
});

test('states with markup of their own pass too', async () => {
  // Link errors: an alert listing each bad value.
  let { page, errors, close } = await open('pattern=deadline&deadline_ms=0&seed=x');
  await page.getByRole('alert').waitFor();
  await audit(page, 'deadline, alert for bad link values');
  assert.deepEqual(errors, []);
  await close();

  // An invalid field: marked invalid, its message beside it, Run disabled.
  ({ page, errors, close } = await open('pattern=deadline'));
  await page.getByRole('spinbutton', { name: 'Deadline (ms)' }).fill('0');
  await page.getByRole('button', { name: 'Run', disabled: true }).waitFor();
  await assertAccessible(page, 'deadline, invalid field');
  // Speed and Seed say what is wrong in the field's own description, as
  // the parameters do (the message was plain text beside the field).
  for (const [name, bad, says] of [['Speed', '1000', /^Speed: .*0\.1 to 100/], ['Seed', '99999999999999999999', /^Seed: /]]) {
    const field = page.getByRole('spinbutton', { name });
    await field.fill(bad);
    await page.waitForFunction((n) => document.querySelector(`input[aria-label="${n}"]`).getAttribute('aria-invalid') === 'true', name);
    const description = await field.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent.trim());
    assert.match(description ?? '', says, name);
    await assertAccessible(page, `deadline, invalid ${name}`);
    await field.fill('1');
  }
  // Paused by a step: the highlighted code lines.
  await page.getByRole('spinbutton', { name: 'Deadline (ms)' }).fill('1000');
  await page.getByRole('button', { name: 'Step' }).click();
  await page.getByRole('status').filter({ hasText: /^Paused/ }).waitFor();
  await assertAccessible(page, 'deadline, paused after a step');
  assert.deepEqual(errors, []);
  await close();

  // The words gotcha callout, and orders across 200 seeds.
  ({ page, errors, close } = await open('pattern=words&capture=shared&speed=100'));
  await runToFinish(page);
  await page.getByRole('button', { name: 'Show the fix on the same seed' }).waitFor();
  await page.getByRole('button', { name: 'Explore 200 seeds' }).click();
  await page.getByText(/distinct orders over 200 seeds/).waitFor({ timeout: 30_000 });
  await audit(page, 'words, gotcha callout and orders across seeds', AFTER[0]);
  assert.deepEqual(errors, []);
  await close();
});

test('with reduced motion nothing animates or scrolls smoothly', async () => {
  // Motion a later change might add: a sweeping playhead, smooth scrolling
  // of the log, the code and the page. Under reduced motion the stylesheet
  // must override it; without, it must show (so this check can see motion).
  const motion = `
    html, .log, .code pre, ol.outputs { scroll-behavior: smooth; }
    figure.timeline .play { transition: transform 300ms linear; animation: csp-test-pulse 1s infinite; }
    @keyframes csp-test-pulse { to { opacity: 0.5; } }`;
  // Everything that moves, over the whole document, pseudo-elements too.
  const moving = () =>
    [...document.querySelectorAll('*')].flatMap((el) =>
      [null, '::before', '::after'].flatMap((pseudo) => {
        const s = getComputedStyle(el, pseudo);
        const durations = `${s.transitionDuration},${s.animationDuration}`.split(',').map((d) => parseFloat(d) || 0);
        const moves = s.animationName !== 'none' || durations.some((d) => d > 0) || s.scrollBehavior !== 'auto';
        return moves ? [`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}${pseudo ?? ''}`] : [];
      }),
    );
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { page, errors, close } = await open('pattern=deadline&speed=100', { reducedMotion });
    await runToFinish(page);
    await page.locator('figure.timeline .play').waitFor({ state: 'attached' });
    await page.addStyleTag({ content: motion });
    const found = await page.evaluate(moving);
    if (reducedMotion === 'reduce') {
      assert.deepEqual(found, [], 'under prefers-reduced-motion these still move');
    } else {
      for (const el of ['html.', 'div.log', 'line.play']) {
        assert.ok(found.some((f) => f.startsWith(el)), `the check does not see ${el} move: ${found}`);
      }
    }
    assert.deepEqual(errors, []);
    await close();
  }
});

test('axe-core: the Go editor open, and a compile error shown', async () => {
  const { page, errors, close } = await open('pattern=spawn-wait&speed=100');
  await page.getByRole('button', { name: 'Edit' }).click();
  const source = page.getByRole('textbox', { name: 'Go source' });
  await source.fill((await source.inputValue()).replace('fmt.Println(<-res)', 'fmt.Println(<-res'));
  await audit(page, 'edited Go', [['light', 'desktop'], ['dark', 'phone']]);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('alert').filter({ hasText: 'does not compile' }).waitFor();
  await audit(page, 'a compile error');
  assert.deepEqual(errors, []);
  await close();
});

// The timeline zoomed and the Playhead moved: audited in scale.test.mjs.
test('axe-core: Your Go with its Start from list, and a deadlock reported', async () => {
  const { page, errors, close } = await open('pattern=your-go&speed=100');
  await audit(page, 'Your Go');
  await page.getByRole('combobox', { name: 'Start from' }).selectOption('deadlock');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('status').filter({ hasText: /^Error/ }).waitFor({ timeout: 30_000 });
  await audit(page, 'a deadlock', [['dark', 'desktop'], ['light', 'phone']]);
  assert.deepEqual(errors, []);
  await close();
});
// A host page with embed.js iframes: audited in deploy.test.mjs.
