/** The RAG policy editor: a council's own thresholds, saved in the workbook, change the colours. */
import assert from 'node:assert/strict';

const pane = (page) => page.getByTestId('task-pane');
const cell = (page, a1) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
const background = (page, a1) => cell(page, a1).evaluate((el) => getComputedStyle(el).backgroundColor);

export const tests = [
  {
    name: 'a line threshold of £200,000 reached together with 5% turns CLA West Amber, External Placements stays Red',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).getByRole('tab', { name: 'RAG', exact: true }).click();
      const money = pane(page).getByRole('textbox', { name: 'Line: Red from (£)' });
      assert.equal(await money.inputValue(), '£100,000');
      await money.fill('abc');
      await pane(page).getByText('Thresholds must be numbers of zero or more.').waitFor();
      assert.equal(await pane(page).getByRole('button', { name: 'Save policy' }).isDisabled(), true);
      await money.fill('£200,000');
      await pane(page).getByRole('combobox', { name: 'Line: Red when' }).click();
      await page.getByRole('option', { name: 'both are reached' }).click();
      await pane(page).getByRole('button', { name: 'Save policy' }).click();
      await pane(page).getByTestId('notice').filter({ hasText: 'RAG policy saved in the workbook.' }).waitFor();
      await pane(page).getByRole('button', { name: 'Apply RAG colours' }).click();
      const preview = pane(page).getByTestId('plan-preview');
      await preview.or(pane(page).getByTestId('error-bar')).first().waitFor();
      assert.equal(await pane(page).getByTestId('error-bar').count(), 0, await pane(page).innerText());
      await preview.getByRole('button', { name: 'Apply' }).click();
      await preview.waitFor({ state: 'detached' });
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Month 7' }).click();
      // CLA West: +0.168 on a 2.135 budget is over 5% but under £0.2m, so no longer Red.
      assert.equal(await background(page, 'H13'), 'rgb(255, 235, 156)');
      assert.equal(await background(page, 'H7'), 'rgb(255, 199, 206)');
      assert.equal(await background(page, 'H5'), 'rgb(198, 239, 206)');
      // Saving the policy again, with those colours in the workbook, offers to apply them again.
      await pane(page).getByRole('button', { name: 'Save policy' }).click();
      const offer = pane(page).getByTestId('reapply-offer');
      await offer.waitFor();
      await offer.getByRole('button', { name: 'Apply colours again…' }).click();
      await pane(page).getByTestId('plan-preview').waitFor();
      assert.equal(await offer.count(), 0);
      await pane(page).getByTestId('plan-preview').getByRole('button', { name: 'Cancel' }).click();
    },
  },
];
