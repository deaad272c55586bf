/**
 * Insert chart on the built workbench: the officer chooses lines and "beside the table",
 * sees the plan in words, applies it; the workbench draws the two charts from the simulated
 * Excel's charts as SVG (bars, labels, legend, RAG colours), the charts follow an edit of a
 * figure, and Revert takes them away. Sample "Month 7": seed 000 Table 1, 25 lines.
 */
import assert from 'node:assert/strict';
import path from 'node:path';

import { cell, pane, showSheet, waitForPreview } from '../support/workbench-page.mjs';

export const tests = [
  {
    name: 'Insert chart previews in words, then draws budget v forecast and the RAG variance as SVG',
    async run({ url, page, screenshots }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).waitFor();
      await showSheet(page, 'Month 7');
      await pane(page).getByRole('tab', { name: 'Trackers', exact: true }).click();
      const section = pane(page).getByTestId('chart-section');
      await section.getByRole('radio', { name: 'Line' }).check();
      await section.getByRole('radio', { name: 'Beside the table' }).check();
      await section.getByRole('button', { name: 'Insert chart…' }).click();
      const preview = await waitForPreview(page);
      const words = await preview.getByTestId('plan-description').innerText();
      assert.match(words, /^A clustered bar chart 'Budget v forecast outturn' of 25 lines, beside the table at R3; a variance chart coloured by RAG\./, words);
      await preview.getByRole('button', { name: 'Apply' }).click();
      await preview.waitFor({ state: 'detached' });

      const charts = page.getByTestId('sheet-charts').getByTestId('chart');
      await charts.first().waitFor();
      assert.equal(await charts.count(), 2);
      const budget = charts.nth(0);
      assert.equal(await budget.getByTestId('chart-title').textContent(), 'Budget v forecast outturn');
      assert.equal(await budget.getByTestId('chart-category').count(), 25);
      assert.equal(await budget.getByTestId('chart-bar').count(), 50);
      const labels = await budget.getByTestId('chart-label').allTextContents();
      assert.equal(labels[0], 'Prevention Services');
      assert.equal(labels[2], 'External Placements');
      assert.deepEqual(await budget.getByTestId('chart-legend').locator('text').allTextContents(), ['Budget', 'Forecast outturn']);
      // External Placements: net budget and forecast from the table, linked through the block.
      const bars = budget.getByTestId('chart-category').nth(2).getByTestId('chart-bar');
      assert.equal(Number(await bars.nth(0).getAttribute('data-value')).toFixed(3), Number((await cell(page, 'D7').innerText()).replace(/,/g, '')).toFixed(3));

      const variance = charts.nth(1);
      assert.equal(await variance.getByTestId('chart-title').textContent(), 'Variance by line (RAG)');
      const fills = await variance.getByTestId('chart-bar').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
      const labelsV = await variance.getByTestId('chart-label').allTextContents();
      assert.equal(fills[labelsV.indexOf('CLA West')], '#C00000');
      assert.equal(fills[labelsV.indexOf('Leaving Care')], '#FFC000');
      assert.equal(fills[labelsV.indexOf('Prevention Services')], '#00B050');

      await page.getByTestId('sheet-charts').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshots, 'chart.png') });
    },
  },
  {
    name: 'the chart follows an edit of the table, and Revert removes it',
    async run({ page }) {
      // Typing a new forecast for Prevention Services (E5) moves its bar.
      await cell(page, 'E5').click();
      await page.keyboard.type('9.5');
      await page.keyboard.press('Enter');
      const budget = page.getByTestId('sheet-charts').getByTestId('chart').nth(0);
      const forecast = budget.getByTestId('chart-category').nth(0).getByTestId('chart-bar').nth(1);
      await page.waitForFunction((el) => el.getAttribute('data-value') === '9.5', await forecast.elementHandle());
      // The officer's own edit is not the chart's: Revert takes the chart and its block away all the same.
      await pane(page).getByRole('button', { name: 'Revert last change' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revert', exact: true }).click();
      await page.getByTestId('sheet-charts').waitFor({ state: 'detached' });
      assert.equal(await cell(page, 'M4').innerText(), '');
    },
  },
];
