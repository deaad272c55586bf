/**
 * Around the workflow: correcting a column's role, Download .xlsx and Open .xlsx, the dark
 * theme, and the pane at 320 px wide. Starts from a freshly loaded workbench.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AxeBuilder } from '@axe-core/playwright';

const pane = (page) => page.getByTestId('task-pane');
const cell = (page, a1) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
const tmp = mkdtempSync(path.join(tmpdir(), 'budget-monitor-files-'));
let downloaded;

export const tests = [
  {
    name: 'Tables lists each table and a corrected column role is kept',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).getByRole('tab', { name: 'Tables', exact: true }).click();
      const table = pane(page).getByRole('region', { name: 'Month 7 · A3:K37' });
      await table.waitFor();
      const field = table.getByRole('combobox', { name: /^Column K: Movement From Month 6/ });
      assert.equal(await field.innerText(), 'Movement');
      await field.click();
      await page.getByRole('option', { name: 'Comments', exact: true }).click();
      await table.getByText(/^Column K: Movement From Month 6 £m \(corrected\)$/).waitFor();
      assert.equal(await table.getByRole('combobox', { name: /^Column K:/ }).innerText(), 'Comments');
      assert.equal(await pane(page).getByTestId('notice').innerText(), 'Column role saved in the workbook.');
    },
  },
  {
    name: 'Download .xlsx writes the workbook with its formulas, and Open .xlsx reads it back',
    async run({ page }) {
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Month 7' }).click();
      await cell(page, 'E7').click();
      await page.keyboard.type('61.617');
      await page.keyboard.press('Enter');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .xlsx' }).click()]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('Month 7');
      assert.ok(ws, 'no Month 7 sheet in the download');
      assert.equal(ws.getCell('E7').value, 61.617);
      assert.deepEqual({ formula: ws.getCell('F7').formula }, { formula: 'E7-D7' });
      assert.equal(ws.getCell('B16').formula, 'SUM(B5:B15)');

      await page.getByTestId('open-file').setInputFiles(file);
      await page.getByRole('status').filter({ hasText: `Opened ${download.suggestedFilename()}.` }).waitFor();
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Month 7' }).click();
      assert.equal(await cell(page, 'E7').innerText(), '61.617');
      assert.equal(await cell(page, 'F7').innerText(), '15.701');
      downloaded = file;
    },
  },
  {
    name: 'movement from last month\'s file writes figures, not links to another file',
    async run({ page }) {
      assert.ok(downloaded, 'needs the file downloaded by the previous test');
      await pane(page).getByRole('tab', { name: 'Movement', exact: true }).click();
      await pane(page).getByRole('radio', { name: 'Last month’s file' }).check();
      await pane(page).getByLabel('Choose last month’s file (.xlsx)').setInputFiles(downloaded);
      await pane(page).getByTestId('notice').filter({ hasText: /^Opened / }).waitFor();
      const sheetField = pane(page).getByRole('combobox', { name: 'Sheet' });
      await sheetField.click();
      await page.getByRole('option', { name: 'Month 6', exact: true }).click();
      await pane(page).getByRole('button', { name: 'Compute movement' }).click();
      const preview = pane(page).getByTestId('plan-preview');
      await preview.or(pane(page).getByTestId('error-bar')).first().waitFor();
      assert.equal(await pane(page).getByTestId('error-bar').count(), 0, await pane(page).innerText());
      await preview.getByRole('button', { name: 'Apply' }).click();
      await preview.waitFor({ state: 'detached' });
      const bar = pane(page).getByTestId('error-bar');
      if (await bar.count()) assert.fail(`Message bar: ${await bar.innerText()}`);
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Month 7' }).click();
      await cell(page, 'K7').click();
      const formula = await page.getByTestId('formula-bar').innerText();
      assert.doesNotMatch(formula, /\[|\.xlsx/, formula);
      // External Placements: Month 7 variance 15.701 (forecast typed up by 1.000) less Month 6's 14.467.
      assert.equal(await cell(page, 'K7').innerText(), '1.234');
    },
  },
  {
    name: 'a last-month file the reader cannot follow gets a plain message, and the workbook is unchanged',
    async run({ page }) {
      assert.ok(downloaded, 'needs the file downloaded by an earlier test');
      // The same package cut short: it still starts as a zip, but its directory is gone.
      const bytes = readFileSync(downloaded);
      const damaged = path.join(tmp, 'Month 6 damaged.xlsx');
      writeFileSync(damaged, bytes.subarray(0, bytes.length - 300));
      await cell(page, 'K7').click();
      const before = await page.getByTestId('formula-bar').innerText();
      await pane(page).getByRole('tab', { name: 'Movement', exact: true }).click();
      await pane(page).getByRole('radio', { name: 'Last month’s file' }).check();
      const input = pane(page).getByLabel('Choose last month’s file (.xlsx)');
      await input.setInputFiles(damaged);
      const bar = pane(page).getByTestId('error-bar');
      await bar.waitFor();
      assert.match(await bar.innerText(), /^“Month 6 damaged\.xlsx” can’t be read\. Open it in Excel, save it again as an Excel Workbook \(\.xlsx\), then choose it here again\./);
      // No sheet of the damaged file is offered, so movement cannot be computed from it.
      assert.equal(await pane(page).getByRole('button', { name: 'Compute movement' }).isDisabled(), true);
      await bar.getByRole('button', { name: 'Dismiss' }).click();
      await cell(page, 'K7').click();
      assert.equal(await page.getByTestId('formula-bar').innerText(), before);
    },
  },
  {
    name: 'the help page the manifest links to is served, without script, and fits 320 px',
    async run({ url, page }) {
      const help = await page.context().newPage();
      try {
        await help.setViewportSize({ width: 320, height: 700 });
        const response = await help.goto(`${url}/help.html`);
        assert.equal(response?.status(), 200);
        assert.equal(await help.getByRole('heading', { level: 1 }).innerText(), 'Budget Monitor help');
        assert.equal(await help.locator('script').count(), 0);
        const [scroll, client] = await help.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `help page scrolls sideways: ${scroll} > ${client}`);
      } finally {
        await help.close();
      }
    },
  },
  {
    name: 'the validation report sheet lists the findings',
    async run({ page }) {
      await pane(page).getByRole('tab', { name: 'Trackers', exact: true }).click();
      await pane(page).getByRole('button', { name: 'Insert validation report' }).click();
      const preview = pane(page).getByTestId('plan-preview');
      await preview.or(pane(page).getByTestId('error-bar')).first().waitFor();
      assert.equal(await pane(page).getByTestId('error-bar').count(), 0, await pane(page).innerText());
      await preview.getByRole('button', { name: 'Apply' }).click();
      await preview.waitFor({ state: 'detached' });
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Validation Report' }).click();
      // The typed-up forecast on External Placements leaves findings; each report row links to its cell.
      assert.ok((await page.locator('[data-testid="grid"] td', { hasText: /^[A-K]\d+$/ }).count()) > 0, 'no cell references on the report');
      rmSync(tmp, { recursive: true, force: true });
    },
  },
  {
    name: 'the dark theme darkens the pane and keeps it free of serious accessibility violations',
    async run({ page }) {
      await page.getByRole('switch', { name: 'Dark theme' }).click();
      await pane(page).getByRole('tab', { name: 'Validate', exact: true }).click();
      const bg = await pane(page).evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g).map(Number);
      assert.ok(0.2126 * r + 0.7152 * g + 0.0722 * b < 80, `pane background ${bg} is not dark`);
      await pane(page).getByRole('button', { name: 'Validate workbook' }).click();
      await pane(page).getByTestId('summary').waitFor();
      const results = await new AxeBuilder({ page }).include('[data-testid="task-pane"]').exclude('[data-tabster-dummy]').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      await page.getByRole('switch', { name: 'Dark theme' }).click();
    },
  },
  {
    name: 'at 320 px wide no tab of the pane scrolls sideways',
    async run({ page, screenshots }) {
      await page.addStyleTag({ content: '.wb-pane { flex-basis: 320px !important; }' });
      const overflow = [];
      for (const tab of ['Tables', 'Validate', 'RAG', 'Movement', 'Trackers']) {
        await pane(page).getByRole('tab', { name: tab, exact: true }).click();
        const [scroll, client] = await pane(page).evaluate((el) => [el.scrollWidth, el.clientWidth]);
        assert.ok(client <= 320, `pane is ${client} px wide`);
        if (scroll > client) overflow.push(`${tab}: ${scroll} > ${client}`);
      }
      // Last month's file: the browser's file control must fit too.
      await pane(page).getByRole('tab', { name: 'Movement', exact: true }).click();
      await pane(page).getByRole('radio', { name: 'Last month’s file' }).check();
      const [scroll, client] = await pane(page).evaluate((el) => [el.scrollWidth, el.clientWidth]);
      if (scroll > client) overflow.push(`Movement (file): ${scroll} > ${client}`);
      assert.deepEqual(overflow, []);
      await pane(page).getByRole('tab', { name: 'Validate', exact: true }).click();
      await pane(page).screenshot({ path: path.join(screenshots, 'task-pane-320.png') });
    },
  },
];
