// Browser = native, seen from the outside: the page's event log for a run
// must be the CLI's `log` output for the same pattern, parameters and seed,
// line for line. These are the runs the page once got wrong (a lost request
// on Token future, phantom wakes on Dynamic words and Pipeline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPage, servedBrowser } from './harness.mjs';

const env = servedBrowser();
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI's log for `query` (the page's own query string), normalised. */
function cliLog(query) {
  const params = new URLSearchParams(query);
  const args = ['run', '-q', '--bin', 'csp', '--', 'run', params.get('pattern'), '--seed', params.get('seed')];
  for (const [name, value] of params) {
    if (!['pattern', 'seed', 'speed'].includes(name)) args.push('--set', `${name}=${value}`);
  }
  const out = execFileSync('cargo', args, { cwd: root, encoding: 'utf8' });
  return normalise(out);
}

function normalise(text) {
  return text.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
}

const RUNS = [
  'pattern=token-future&seed=1',
  'pattern=token-future&seed=2',
  'pattern=token-future&seed=3',
  'pattern=token-future&seed=7',
  'pattern=token-future&seed=42',
  'pattern=words&seed=1&stop_after=3',
  'pattern=pipeline&seed=1&stop_after=4',
];

for (const query of RUNS) {
  test(`the page logs exactly what the CLI logs: ${query}`, async () => {
    const want = cliLog(query);
    const { page, errors } = await openPage(env.browser, `${env.server.url}?${query}&speed=100`);
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('status').filter({ hasText: /^Finished/ }).waitFor({ timeout: 30_000 });
    // Every row is in the DOM up to the log's ALL_ROWS (1,000); past it
    // the log is virtual, and these runs must stay under it.
    const log = page.getByRole('log', { name: 'Event log' });
    assert.equal(await log.evaluate((el) => el.classList.contains('virtual')), false, 'the log went virtual');
    const got = normalise(await log.innerText());
    const i = want.findIndex((line, j) => got[j] !== line);
    assert.equal(i === -1 && got.length === want.length, true,
      `first difference at line ${i + 1}:\n  cli:  ${want[i]}\n  page: ${got[i]}\n(${want.length} lines from the CLI, ${got.length} in the page)`);
    if (query.includes('token-future')) {
      // The three callers all got tok-2 at 1200 ms; none timed out there.
      const outputs = await page.getByRole('list', { name: 'Output order' }).getByRole('listitem').allInnerTexts();
      assert.equal(outputs.filter((l) => /^1200 ms caller \d: tok-2/.test(l.replace(/\s+/g, ' '))).length, 3, outputs.join('\n'));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}
