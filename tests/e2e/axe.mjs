// The accessibility audit every end-to-end test can call in one line:
//
//   import { assertAccessible } from './axe.mjs';
//   await assertAccessible(page, 'timeline zoomed in');
//
// It runs axe-core (npm, pinned in package-lock.json) inside the page on the
// DOM as it is at that moment, with every rule axe runs by default (WCAG 2.0
// to 2.2 A and AA, and best practices), and fails on any violation of any
// impact. A rule may be disabled only with a one-line reason:
//
//   await assertAccessible(page, 'state', { disable: { 'rule-id': 'why it does not apply' } });
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The version of axe-core the audits run (from its package). */
export const axeVersion = require('axe-core/package.json').version;

/**
 * Runs axe-core on `page` and resolves to its violations (an empty array when
 * there are none). `disable` maps rule ids to the reason each is off.
 */
export async function axeViolations(page, { disable = {} } = {}) {
  for (const [rule, reason] of Object.entries(disable)) {
    assert.ok(typeof reason === 'string' && reason.trim() !== '', `disabling ${rule} needs a reason`);
  }
  // Injected once per document: a reload or navigation starts a new one.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: source });
  }
  const rules = Object.fromEntries(Object.keys(disable).map((id) => [id, { enabled: false }]));
  return page.evaluate(
    // Only violations are collected: passes and incomplete results cost
    // time on a page with thousands of nodes.
    (rules) => window.axe.run(document, { rules, resultTypes: ['violations'] }).then((r) => r.violations),
    rules,
  );
}

/** One line per violation: rule, impact, what it asks, and where (up to 5 nodes). */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const where = v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ');
      const more = v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : '';
      return `${v.id} (${v.impact}, ${v.nodes.length}x): ${v.help}: ${where}${more}`;
    })
    .join('\n');
}

/** Fails, naming every violation, unless `page` has none. `label` says which state was audited. */
export async function assertAccessible(page, label, options) {
  const violations = await axeViolations(page, options);
  assert.equal(violations.length, 0, `axe-core ${axeVersion}, ${label}:\n${describeViolations(violations)}`);
}
