// The browser half of scripts/bench.sh: opens the release benchmark page
// (dist/bench, built from bench.html) in headless Chromium and prints what
// it measured.
import { serveDist, launch, openPage } from '../tests/e2e/harness.mjs';

const n = process.env.BENCH_N ?? '1000000';
const server = await serveDist();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, `${server.url}bench/?n=${n}`);
  const pre = page.getByLabel('Benchmarks');
  await page.waitForFunction(() => document.querySelector('pre')?.textContent?.includes('done'), null, {
    timeout: 300_000,
  });
  const lines = (await pre.innerText()).split('\n').filter((l) => l && l !== 'done');
  for (const line of lines) console.log(line);
  if (errors.length) console.error(errors.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
