/** "Fix all of this kind": two sub totals typed over their SUMs are both restored in one plan. */
import assert from 'node:assert/strict';

const pane = (page) => page.getByTestId('task-pane');
const cell = (page, a1) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);

async function typeInto(page, a1, text) {
  await cell(page, a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export const tests = [
  {
    name: 'Fix all restores every typed-over sub total of the same kind, shown first in one preview',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Month 7' }).click();
      await typeInto(page, 'B21', '19.106');
      await typeInto(page, 'E33', '31.548');
      await pane(page).getByRole('button', { name: 'Validate workbook' }).click();
      await pane(page).getByTestId('summary').waitFor();
      const finding = pane(page).locator('[data-testid="finding"][data-cell="Month 7!B21"]').filter({ has: page.getByRole('button', { name: /^Fix all 2 of this kind/ }) });
      await finding.getByRole('button', { name: /^Fix all 2 of this kind/ }).click();
      const preview = pane(page).getByTestId('plan-preview');
      await preview.waitFor();
      // Title, description and each cell on lines of their own; each cell old → new as the sheet shows it.
      assert.equal(await preview.getByRole('heading', { level: 2 }).innerText(), 'This will change');
      const cells = await preview.getByTestId('plan-cells').getByRole('listitem').allInnerTexts();
      assert.deepEqual(cells, ['Month 7!B21: 19.106 → =SUM(B18:B20)', 'Month 7!E33: 31.548 → =SUM(E23:E32)']);
      await preview.getByRole('button', { name: 'Apply' }).click();
      await preview.waitFor({ state: 'detached' });
      for (const [a1, formula] of [['B21', '=SUM(B18:B20)'], ['E33', '=SUM(E23:E32)']]) {
        await cell(page, a1).click();
        assert.equal(await page.getByTestId('formula-bar').innerText(), formula);
      }
      await pane(page).getByTestId('summary').waitFor();
      assert.equal(await pane(page).locator('[data-testid="finding"][data-cell="Month 7!B21"], [data-testid="finding"][data-cell="Month 7!E33"]').count(), 0);
    },
  },
];
