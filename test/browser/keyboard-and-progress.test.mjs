/** The pane by keyboard alone, the grid's keyboard editing, and the progress bar on slow work. */
import assert from 'node:assert/strict';

const pane = (page) => page.getByTestId('task-pane');
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
