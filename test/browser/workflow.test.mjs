/**
 * The officer's whole workflow on the built workbench, in order: each step builds on the
 * page state the previous one left. Cells are Excel addresses on the sample's "Month 7"
 * sheet (seed 000 Table 1: header row 3, Children & Families lines 5–15, sub total 16).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

import { cell, pane, showSheet, typeInto, waitForPreview } from '../support/workbench-page.mjs';

async function chooseTab(page, name) {
  await pane(page).getByRole('tab', { name, exact: true }).click();
}

async function validate(page) {
  await chooseTab(page, 'Validate');
  await pane(page).getByRole('button', { name: 'Validate workbook' }).click();
  await pane(page).getByTestId('summary').waitFor();
}

async function applyPreview(page) {
  const preview = await waitForPreview(page);
  await preview.getByRole('button', { name: 'Apply' }).click();
  await preview.waitFor({ state: 'detached' });
}

async function assertNoError(page) {
  const bar = pane(page).getByTestId('error-bar');
  if (await bar.count()) assert.fail(`Message bar: ${await bar.innerText()}`);
}

const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
const background = (page, a1) => cell(page, a1).evaluate((el) => getComputedStyle(el).backgroundColor);

export const tests = [
  {
    name: 'the workbench opens with the seed 000 sample and the task pane',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).waitFor();
      await showSheet(page, 'Month 7');
      assert.equal(await cell(page, 'A7').innerText(), 'External Placements');
      assert.equal(await cell(page, 'F37').innerText(), '8.380');
      assert.equal(await cell(page, 'C5').innerText(), '(1.223)');
    },
  },
  {
    name: 'validating the clean sample finds no errors',
    async run({ page }) {
      await validate(page);
      await assertNoError(page);
      const summary = await pane(page).getByTestId('summary').innerText();
      assert.match(summary, /Ready to submit|^0 errors/, summary);
      const errors = await pane(page).getByRole('region', { name: /· Errors$/ }).count();
      assert.equal(errors, 0, summary);
    },
  },
  {
    name: 'a sub total typed over its formula is one error at its cell, with what follows from it listed under it',
    async run({ page }) {
      await showSheet(page, 'Month 7');
      await typeInto(page, 'B16', '115.000');
      assert.equal(await cell(page, 'B16').innerText(), '115.000');
      await validate(page);
      // One fault, one error: the typed figure also makes it "not a formula" and puts the net budgets D16
      // and D37 out by the same 0.076; those are listed under B16, not counted on their own.
      assert.equal(await pane(page).getByTestId('summary').innerText(), '1 error, 0 warnings, 0 notes');
      const cards = pane(page).getByTestId('finding');
      assert.deepEqual(await cards.evaluateAll((els) => els.map((el) => `${el.dataset.cell} ${el.dataset.rule}`)), ['Month 7!B16 total-sum']);
      const finding = pane(page).getByRole('region', { name: 'Month 7 · Errors' }).getByTestId('finding');
      assert.equal(
        await finding.getByTestId('evidence').innerText(),
        'Because B16 should add B5:B15, as C16:F16, I16:K16 do; as the other totals of its kind (B21, B33, B36) do',
      );
      const toggle = finding.getByRole('button', { name: 'Also explained by this fault: 3' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await finding.getByTestId('consequence').count(), 0);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const list = finding.getByRole('list', { name: 'Findings explained by the fault at Month 7!B16' });
      const items = list.getByTestId('consequence');
      assert.deepEqual(await items.evaluateAll((els) => els.map((el) => el.dataset.cell)), ['Month 7!B16', 'Month 7!D16', 'Month 7!D37']);
      assert.deepEqual(await items.allInnerTexts(), [
        'B16\nSub total B16 is the typed number 115.000, not a formula: it will not follow changes to its lines. Use =SUM(B5:B15)',
        'D16\nNet budget D16 for sub total is 98.506 but expenditure 115.000 plus income (16.570) is 98.430 (£m)',
        'D37\nNet budget D37 for Children, Families & Education Services Total is 142.827 but expenditure 193.450 plus income (50.699) is 142.751 (£m)',
      ]);
      // A consequence offers no fix of its own: fixing B16 is the action.
      assert.equal(await list.getByRole('button', { name: /^Fix/ }).count(), 0);
      assert.equal(await finding.getByRole('button', { name: 'Fix…' }).count(), 1);
      // Each consequence selects its cell, as findings do.
      await list.getByRole('button', { name: 'Go to Month 7!D37' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="selected-address"]')?.textContent === 'Month 7!D37');
      assert.equal(await cell(page, 'D37').getAttribute('aria-selected'), 'true');
      const results = await new AxeBuilder({ page }).include('[data-testid="task-pane"]').exclude('[data-tabster-dummy]').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      await toggle.click();
      assert.equal(await list.count(), 0);
    },
  },
  {
    name: 'clicking the finding selects its cell in the grid',
    async run({ page }) {
      await cell(page, 'A1').click();
      const finding = pane(page).locator('[data-testid="finding"][data-cell="Month 7!B16"]').first();
      await finding.getByRole('button', { name: 'Go to Month 7!B16' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="selected-address"]')?.textContent === 'Month 7!B16');
      assert.equal(await cell(page, 'B16').getAttribute('aria-selected'), 'true');
    },
  },
  {
    name: 'Fix previews the change, then restores the SUM formula',
    async run({ page, screenshots }) {
      const fixable = pane(page).locator('[data-testid="finding"][data-cell="Month 7!B16"]').filter({ has: page.getByRole('button', { name: 'Fix…' }) });
      // The typed figure breaks the formula and the sum: one card, one fix.
      await fixable.getByRole('button', { name: 'Fix…' }).click();
      const preview = await waitForPreview(page);
      assert.deepEqual(await preview.getByTestId('plan-cells').getByRole('listitem').allInnerTexts(), ['Month 7!B16: 115.000 → =SUM(B5:B15)']);
      await page.screenshot({ path: path.join(screenshots, 'fix-preview.png') });
      await applyPreview(page);
      await assertNoError(page);
      await cell(page, 'B16').click();
      assert.equal(await page.getByTestId('formula-bar').innerText(), '=SUM(B5:B15)');
      assert.equal(await cell(page, 'B16').innerText(), '115.076');
      await pane(page).getByTestId('summary').waitFor();
      assert.equal(await pane(page).locator('[data-testid="finding"][data-cell="Month 7!B16"]').count(), 0);
    },
  },
  {
    name: 'Apply RAG colours the RAG column by the default policy',
    async run({ page }) {
      await chooseTab(page, 'RAG');
      await pane(page).getByRole('button', { name: 'Apply RAG colours' }).click();
      await applyPreview(page);
      await assertNoError(page);
      await showSheet(page, 'Month 7');
      // External Placements +14.701 and CLA West +0.168: Red; Leaving Care +0.029: Amber; Prevention Services: Green.
      await page.waitForFunction(() => document.querySelector('td[data-cell="H7"]')?.getAttribute('data-fill') !== '');
      assert.equal(await background(page, 'H7'), rgb('#FFC7CE'));
      assert.equal(await background(page, 'H13'), rgb('#FFC7CE'));
      assert.equal(await background(page, 'H14'), rgb('#FFEB9C'));
      assert.equal(await background(page, 'H5'), rgb('#C6EFCE'));
    },
  },
  {
    name: 'movement is computed against the Month 6 sheet',
    async run({ page }) {
      await chooseTab(page, 'Movement');
      await pane(page).getByRole('button', { name: 'Compute movement' }).click();
      await applyPreview(page);
      await assertNoError(page);
      await showSheet(page, 'Month 7');
      await cell(page, 'K7').click();
      assert.match(await page.getByTestId('formula-bar').innerText(), /'Month 6'!/);
      assert.equal(await cell(page, 'K7').innerText(), '0.234');
      assert.equal(await cell(page, 'K37').innerText(), '(0.375)');
    },
  },
  {
    name: 'the mitigation tracker keeps an action typed by the officer when regenerated',
    async run({ page }) {
      await chooseTab(page, 'Trackers');
      await pane(page).getByRole('button', { name: 'Insert or update mitigation tracker' }).click();
      await applyPreview(page);
      await assertNoError(page);
      await showSheet(page, 'Mitigation Tracker');
      const target = await page.evaluate(() => {
        // The first empty cell in column A below the header block, where an officer would add an action.
        const cells = [...document.querySelectorAll('td[data-cell^="A"]')];
        const header = cells.find((td) => /mitigat|action/i.test(td.textContent ?? ''));
        const start = header ? Number(header.getAttribute('data-cell').slice(1)) : 4;
        const free = cells.find((td) => Number(td.getAttribute('data-cell').slice(1)) > start && (td.textContent ?? '') === '');
        return free?.getAttribute('data-cell');
      });
      assert.ok(target, 'no empty action row on the tracker');
      await typeInto(page, target, 'Recruit two more in-house foster carers');
      await chooseTab(page, 'Trackers');
      await pane(page).getByRole('button', { name: 'Insert or update mitigation tracker' }).click();
      await applyPreview(page);
      await assertNoError(page);
      await showSheet(page, 'Mitigation Tracker');
      assert.equal(await page.locator('td', { hasText: 'Recruit two more in-house foster carers' }).count(), 1);
    },
  },
  {
    name: 'Revert takes the regenerated tracker back, and will not undo over the officer\'s typing',
    async run({ page }) {
      const revert = pane(page).getByRole('button', { name: 'Revert last change' });
      const notice = pane(page).getByTestId('notice');
      await revert.click();
      // It says what it will take back before it does.
      const confirm = page.getByRole('dialog');
      assert.match(await confirm.getByRole('heading').innerText(), /^Revert “Mitigation tracker/i);
      assert.match(await confirm.getByTestId('revert-confirm').innerText(), /put back every cell, colour rule and sheet this change wrote at \d\d:\d\d today/);
      await confirm.getByRole('button', { name: 'Revert', exact: true }).click();
      await notice.filter({ hasText: /^Reverted: / }).or(pane(page).getByTestId('error-bar')).first().waitFor();
      await assertNoError(page);
      assert.match(await notice.innerText(), /^Reverted: .*Mitigation tracker/i);
      // The first tracker plan wrote cells the officer has since typed into: undoing it must refuse, in plain English.
      await revert.click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revert', exact: true }).click();
      const bar = pane(page).getByTestId('error-bar');
      await bar.waitFor();
      assert.match(await bar.innerText(), /edited since the add-in wrote it/);
      await showSheet(page, 'Mitigation Tracker');
      assert.equal(await page.locator('td', { hasText: 'Recruit two more in-house foster carers' }).count(), 1);
      await bar.getByRole('button', { name: 'Dismiss' }).click();
    },
  },
  {
    name: 'the task pane has no serious or critical accessibility violations',
    async run({ page }) {
      await chooseTab(page, 'Validate');
      await validate(page);
      // Fluent's focus manager (Tabster) inserts hidden, focusable <i data-tabster-dummy> sentinels
      // on purpose to wrap focus; they never receive visible focus, so axe's aria-hidden-focus on them is excluded.
      const results = await new AxeBuilder({ page }).include('[data-testid="task-pane"]').exclude('[data-tabster-dummy]').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    },
  },
  {
    name: 'screenshots for the README: the sample with RAG colours, validated, its findings listed in the pane',
    async run({ url, page, screenshots }) {
      await page.goto(`${url}/workbench.html`);
      await showSheet(page, 'Month 7');
      // One slip an officer makes: the Children & Families sub total typed over its SUM.
      await typeInto(page, 'B16', '115');
      await chooseTab(page, 'RAG');
      await pane(page).getByRole('button', { name: 'Apply RAG colours' }).click();
      await applyPreview(page);
      await page.waitForFunction(() => document.querySelector('td[data-cell="H7"]')?.getAttribute('data-fill') !== '');
      await validate(page);
      await assertNoError(page);
      const finding = pane(page).locator('[data-testid="finding"][data-cell="Month 7!B16"]').first();
      await finding.getByRole('button', { name: 'Go to Month 7!B16' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="selected-address"]')?.textContent === 'Month 7!B16');
      assert.equal(await background(page, 'H7'), rgb('#FFC7CE'));
      assert.ok((await pane(page).getByTestId('finding').count()) > 0, 'no findings listed');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(screenshots, 'workbench.png') });
      await pane(page).screenshot({ path: path.join(screenshots, 'task-pane.png') });
    },
  },
];
