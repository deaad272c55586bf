/**
 * Findings that stay true, many of a kind as one entry, and previews in the officer's words,
 * in the workbench on the seed 000 sample.
 */
import assert from 'node:assert/strict';
import { cell, pane, showSheet, typeInto, waitForPreview } from '../support/workbench-page.mjs';

export const tests = [
  {
    name: 'an edit after validating says the figures changed at once, never "Ready to submit", then validates again by itself',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await showSheet(page, 'Month 7');
      await pane(page).getByRole('button', { name: 'Validate workbook' }).click();
      const summary = pane(page).getByTestId('summary');
      await summary.filter({ hasText: /^Ready to submit/ }).waitFor();
      await typeInto(page, 'B16', '115');
      await pane(page).getByTestId('stale').filter({ hasText: 'Figures changed since you validated. Checking again…' }).waitFor();
      assert.equal(await summary.count(), 0, 'the summary is hidden while the figures are out of date');
      // About 1.5 s after the last change, without a click: the typed-over sub total is found.
      await summary.filter({ hasText: /^1 error/ }).waitFor({ timeout: 10_000 });
      assert.equal(await pane(page).getByTestId('stale').count(), 0);
      assert.equal(await pane(page).locator('[data-testid="finding"][data-cell="Month 7!B16"][data-rule="total-sum"]').count(), 1);
    },
  },
  {
    name: 'four typed totals are one entry with Fix all, Show cells and Ignore this kind; ignoring is undone by Check again',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await showSheet(page, 'Month 7');
      // Each sub total typed over with the figure it shows: no error, four typed totals.
      for (const a1 of ['C16', 'C21', 'C33', 'C36']) {
        await cell(page, a1).click();
        assert.match(await page.getByTestId('formula-bar').innerText(), /^=SUM\(/, `${a1} starts as a formula`);
        await typeInto(page, a1, await cell(page, a1).innerText());
      }
      await pane(page).getByRole('button', { name: 'Validate workbook' }).click();
      const kind = pane(page).locator('[data-testid="finding-kind"][data-rule="total-formula"]');
      await kind.waitFor();
      assert.equal(await kind.getAttribute('data-count'), '4');
      assert.match(await kind.innerText(), /^4 totals are typed numbers, not formulas\nA typed total does not follow its lines when they change\./);
      await kind.getByRole('button', { name: 'Show 4 cells' }).click();
      assert.deepEqual(await kind.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell'))), ['Month 7!C16', 'Month 7!C21', 'Month 7!C33', 'Month 7!C36']);
      await kind.getByRole('button', { name: 'Ignore “Typed totals” in this workbook' }).click();
      const ignored = pane(page).getByTestId('ignored-kinds');
      await ignored.waitFor();
      assert.equal(await kind.count(), 0);
      assert.match(await ignored.innerText(), /Typed totals \(4 findings\)/);
      await ignored.getByRole('button', { name: 'Check “Typed totals” again' }).click();
      await kind.waitFor();
    },
  },
  {
    name: 'the RAG preview says what the colours follow, with a sample; a tracker opens its sheet once applied',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).getByRole('tab', { name: 'RAG', exact: true }).click();
      await pane(page).getByRole('button', { name: 'Apply RAG colours' }).click();
      const preview = await waitForPreview(page);
      // Apply and Cancel come first, before the words.
      const buttons = await preview.getByRole('button').allInnerTexts();
      assert.deepEqual(buttons.slice(0, 2), ['Apply', 'Cancel']);
      const words = await preview.getByTestId('plan-words').getByRole('listitem').allInnerTexts();
      assert.ok(words.includes('Colours on 30 figures will follow the RAG policy, and change when the figures do.'), words.join(' | '));
      assert.deepEqual(await preview.getByTestId('plan-colours').locator('span').allInnerTexts(), ['Red', 'Amber', 'Green']);
      assert.equal(await preview.getByTestId('plan-cells').count(), 0, 'the detail waits to be asked for');
      await preview.getByRole('button', { name: 'Cancel' }).click();

      await pane(page).getByRole('tab', { name: 'Trackers', exact: true }).click();
      await pane(page).getByRole('button', { name: 'Insert or update mitigation tracker' }).click();
      const tracker = await waitForPreview(page);
      assert.match((await tracker.getByTestId('plan-words').innerText()).split('\n')[0], /^A new sheet “Mitigation Tracker” with \d+ cells filled in\.$/);
      await tracker.getByRole('button', { name: 'Apply' }).click();
      await tracker.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'Mitigation Tracker');
    },
  },
];
