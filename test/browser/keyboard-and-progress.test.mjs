/** The pane by keyboard alone, the grid's keyboard editing, and the progress bar on slow work. */
import assert from 'node:assert/strict';

const pane = (page) => page.getByTestId('task-pane');

/**
 * Marks the pane's controls that Tab should reach: natively or explicitly focusable, enabled
 * and visible; a radio group and a tab list are one stop each (their checked item).
 */
async function markTabStops(page) {
  return pane(page).evaluate((root) => {
    for (const el of root.querySelectorAll('[data-kb-expect], [data-kb-seen]')) {
      el.removeAttribute('data-kb-expect');
      el.removeAttribute('data-kb-seen');
    }
    for (const el of root.querySelectorAll('button, input, select, textarea, a[href], [tabindex], [role="combobox"]')) {
      if (el.closest('[data-tabster-dummy]')) continue;
      if (el.disabled || el.tabIndex < 0 || el.getAttribute('aria-disabled') === 'true') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.type === 'radio' && !el.checked) continue;
      if (el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') !== 'true') continue;
      el.setAttribute('data-kb-expect', '');
    }
    return root.querySelectorAll('[data-kb-expect]').length;
  });
}

/** Marks the focused control as reached; false when focus has left the pane or come round again. */
function reachNext(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.closest('[data-testid="task-pane"]') || el.hasAttribute('data-kb-seen')) return false;
    el.setAttribute('data-kb-seen', '');
    return true;
  });
}

/** Controls marked as Tab stops that Tab never reached, by name. */
function unreached(page) {
  return pane(page).evaluate((root) =>
    [...root.querySelectorAll('[data-kb-expect]:not([data-kb-seen])')].map((el) => el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent?.trim() || el.tagName),
  );
}

/** The focused element's box with a margin round it (where focus rings are drawn). */
function focusBox(page) {
  return page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { x: Math.max(0, r.x - 4), y: Math.max(0, r.y - 4), width: r.width + 8, height: r.height + 8 };
  });
}
const cell = (page, a1) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);

export const tests = [
  {
    name: 'the pane works from the keyboard: arrow keys move between tabs, Enter validates',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).getByRole('tab', { name: 'Validate', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      assert.equal(await pane(page).getByRole('tab', { name: 'RAG', exact: true }).getAttribute('aria-selected'), 'true');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      assert.equal(await pane(page).getByRole('tab', { name: 'Validate', exact: true }).getAttribute('aria-selected'), 'true');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Validate workbook');
      await page.keyboard.press('Enter');
      await pane(page).getByTestId('summary').waitFor();
    },
  },
  {
    name: 'on every tab of the pane, Tab reaches each control and each shows a visible focus',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      const problems = [];
      for (const tab of ['Tables', 'Validate', 'RAG', 'Movement', 'Trackers']) {
        await pane(page).getByRole('tab', { name: tab, exact: true }).focus();
        await page.keyboard.press('Enter');
        if (tab === 'Validate') {
          await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
          await pane(page).getByTestId('summary').waitFor();
          await pane(page).getByRole('tab', { name: tab, exact: true }).focus();
        }
        if (tab === 'Movement') {
          await pane(page).getByRole('radio', { name: 'Last month’s file' }).focus();
          await page.keyboard.press('Space');
          await pane(page).getByRole('tab', { name: tab, exact: true }).focus();
        }
        // At least the tab and its own action: never an empty walk.
        const stops = await markTabStops(page);
        if (stops < 2) problems.push(`${tab}: only ${stops} controls found`);
        // The walk starts at the pane's first control (Help, in its header) and goes round to its last.
        await pane(page).getByRole('link', { name: /help/i }).focus();
        await reachNext(page);
        for (let i = 0; i < 100; i++) {
          await page.keyboard.press('Tab');
          if (!(await reachNext(page))) break;
          const label = await page.evaluate(() => {
            const el = document.activeElement;
            return el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent?.trim() || el.tagName;
          });
          // Focused by keyboard against the same element unfocused: the ring must change what is drawn.
          const clip = await focusBox(page);
          const focused = await page.screenshot({ clip, animations: 'disabled' });
          const handle = await page.evaluateHandle(() => document.activeElement);
          await page.evaluate((el) => el.blur(), handle);
          const plain = await page.screenshot({ clip, animations: 'disabled' });
          await page.evaluate((el) => el.focus(), handle);
          if (focused.equals(plain)) problems.push(`${tab}: no visible focus on “${label}”`);
        }
        for (const stop of await unreached(page)) problems.push(`${tab}: Tab never reaches “${stop}”`);
      }
      assert.equal(problems.join('; '), '');
    },
  },
  {
    name: 'the grid edits from the keyboard: arrows to move, typing and Enter to enter a figure, Escape to cancel',
    async run({ page }) {
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Month 7' }).click();
      await cell(page, 'E5').click();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.type('13.200');
      await page.keyboard.press('Enter');
      assert.equal(await cell(page, 'E6').innerText(), '13.200');
      assert.equal(await cell(page, 'F6').innerText(), '(0.276)');
      assert.equal(await page.getByTestId('selected-address').innerText(), 'Month 7!E7');
      await page.keyboard.type('99');
      await page.keyboard.press('Escape');
      assert.equal(await cell(page, 'E7').innerText(), '60.617');
    },
  },
  {
    name: 'slow work shows a progress bar, which goes when the work is done',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html?syncDelay=400`);
      await pane(page).getByRole('button', { name: 'Validate workbook' }).click();
      await pane(page).getByRole('progressbar').waitFor({ timeout: 5000 });
      await pane(page).getByTestId('summary').waitFor();
      assert.equal(await pane(page).getByRole('progressbar').count(), 0);
    },
  },
];
