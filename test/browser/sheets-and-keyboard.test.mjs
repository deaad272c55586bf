/**
 * The officer's ten minutes in the workbench: sheets shown as Excel shows them (hidden
 * sheets, text spilling, frozen panes, one scrolling row of tabs), Open asking before it
 * discards changes and showing its progress, the grid as one tab stop with F6 between the
 * regions, and a keyboard-only walk through the pane with focus returning sensibly.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AxeBuilder } from '@axe-core/playwright';

const pane = (page) => page.getByTestId('task-pane');
const cell = (page, a1) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
const sheetTabs = (page) => page.getByRole('tablist', { name: 'Sheets' });
const box = (locator) => locator.evaluate((el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });
const tmp = mkdtempSync(path.join(tmpdir(), 'budget-monitor-sheets-'));
let officerFile;

/** What has focus, in words: its role and name as the tests below name controls. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.matches('td[data-cell]')) return `cell ${el.getAttribute('data-cell')}`;
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent?.trim() || '';
    // Fluent's tabs hold their words twice (the second, hidden, keeps their width when bold).
    return `${role} ${name.replace(/^(.+)\1$/, '$1')}`;
  });
}

/** A council's workbook: a frozen summary, a hidden and a very hidden sheet, and many service sheets. */
async function officerWorkbook() {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('Summary', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  summary.getCell('A1').value = 'Revenue budget monitoring 2024/25: summary by service, Month 7';
  summary.getRow(3).values = ['Service', 'Code', ...Array.from({ length: 28 }, (_, i) => `Period ${i + 1} £000`)];
  for (let r = 4; r <= 200; r++) summary.getRow(r).values = [`Service line ${r - 3}`, `S${r}`, ...Array.from({ length: 28 }, (_, i) => (r * 31 + i * 7) % 997)];
  summary.getColumn(1).width = 28;
  wb.addWorksheet('Workings', { state: 'hidden' }).getCell('A1').value = 'Rates';
  wb.addWorksheet('Lists', { state: 'veryHidden' }).getCell('A1').value = 'Yes';
  for (let i = 1; i <= 24; i++) wb.addWorksheet(`Service ${String(i).padStart(2, '0')}`).getCell('A1').value = `Service ${i}`;
  const file = path.join(tmp, 'Officer budget.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** Presses Tab until the focused control's words match, at most `limit` times. */
async function tabTo(page, pattern, limit = 40, back = false) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (pattern.test(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${pattern}; focus is on ${await focused(page)}`);
}

async function waitForFocus(page, pattern) {
  await page.waitForFunction((source) => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const words = el.matches('td[data-cell]') ? `cell ${el.getAttribute('data-cell')}` : `${role} ${(el.getAttribute('aria-label') || el.textContent?.trim() || '').replace(/^(.+)\1$/, '$1')}`;
    return new RegExp(source).test(words);
  }, pattern.source, { timeout: 10_000 }).catch(async () => assert.fail(`focus is on ${await focused(page)}, not ${pattern}`));
}

async function noError(page) {
  const bar = pane(page).getByTestId('error-bar');
  if (await bar.count()) assert.fail(`Message bar: ${await bar.innerText()}`);
}

async function axeClean(page, only = []) {
  // Fluent's focus manager puts hidden, focusable sentinels round dialogs and menus on purpose (see workflow.test.mjs).
  let builder = new AxeBuilder({ page }).exclude('[data-tabster-dummy]');
  for (const part of only) builder = builder.include(part);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

export const tests = [
  {
    name: 'text spills into the empty cells to its right, as in Excel; figures and text beside a filled cell do not',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await sheetTabs(page).getByRole('tab', { name: 'Month 7' }).click();
      assert.equal(await cell(page, 'A1').getAttribute('data-spill'), 'L1');
      assert.equal(await cell(page, 'B1').innerText(), '');
      // The title is drawn over B1 and beyond: its text ends right of A1.
      const title = await box(cell(page, 'A1').locator('.wb-spill-text'));
      const [a1, b1] = [await box(cell(page, 'A1')), await box(cell(page, 'B1'))];
      const textRight = await cell(page, 'A1').locator('.wb-spill-text').evaluate((el) => { const range = document.createRange(); range.selectNodeContents(el); return range.getBoundingClientRect().right; });
      assert.ok(title.right > b1.right && textRight > b1.left, `title text ends at ${textRight}, A1 at ${a1.right}, B1 at ${b1.left}`);
      // "Service Area" has a heading beside it; figures never spill.
      assert.equal(await cell(page, 'A3').getAttribute('data-spill'), null);
      assert.equal(await cell(page, 'B5').getAttribute('data-spill'), null);
    },
  },
  {
    name: 'column letters, row numbers, column A and the frozen header rows stay in place when the grid scrolls',
    async run({ page }) {
      await page.setViewportSize({ width: 1000, height: 520 });
      try {
        const scroller = page.getByTestId('grid-scroll');
        const before = { a25: await box(cell(page, 'A25')), d3: await box(cell(page, 'D3')), d25: await box(cell(page, 'D25')) };
        await scroller.evaluate((el) => el.scrollTo(400, 300));
        const scrolled = await scroller.evaluate((el) => [el.scrollLeft, el.scrollTop]);
        assert.ok(scrolled[0] > 100 && scrolled[1] > 100, `the grid did not scroll: ${scrolled}`);
        const view = await box(scroller);
        const after = { a25: await box(cell(page, 'A25')), d3: await box(cell(page, 'D3')), d25: await box(cell(page, 'D25')) };
        const letters = await box(page.locator('[data-testid="grid"] thead th').nth(1));
        const rowNumber = await box(page.locator('[data-testid="grid"] tbody tr').nth(24).locator('th'));
        // Column A sits just right of the row numbers; header row 3 just under the column letters (rows 1–3 are frozen).
        assert.equal(Math.round(after.a25.left), Math.round(view.left + 44), 'column A scrolled away');
        assert.equal(Math.round(letters.top), Math.round(view.top), 'the column letters scrolled away');
        assert.equal(Math.round(rowNumber.left), Math.round(view.left), 'the row numbers scrolled away');
        assert.equal(Math.round(after.d3.top), Math.round(view.top + 60), 'header row 3 scrolled away');
        assert.equal(Math.round(after.a25.top), Math.round(before.a25.top - scrolled[1]), 'column A does not scroll with its rows');
        assert.equal(Math.round(after.d25.left), Math.round(before.d25.left - scrolled[0]));
        // What stays in place is drawn over what scrolls under it.
        const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('td')?.getAttribute('data-cell'), [after.a25.left + 5, after.a25.top + 5]);
        assert.equal(onTop, 'A25');
        await scroller.evaluate((el) => el.scrollTo(0, 0));
      } finally {
        await page.setViewportSize({ width: 1400, height: 900 });
      }
    },
  },
  {
    name: 'Open .xlsx asks before discarding changes, and shows its progress in words while it reads',
    async run({ url, page }) {
      officerFile = await officerWorkbook();
      await sheetTabs(page).getByRole('tab', { name: 'Month 7' }).click();
      await cell(page, 'E7').click();
      await page.keyboard.type('61.617');
      await page.keyboard.press('Enter');
      await page.getByTestId('open-file').setInputFiles(officerFile);
      const dialog = page.getByRole('alertdialog', { name: 'Discard your changes to Budget monitoring sample.xlsx?' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /Opening Officer budget\.xlsx replaces the workbook here/);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await cell(page, 'E7').innerText(), '61.617', 'Cancel must keep the changes');

      // Download, then open: the changes are saved first.
      await page.getByTestId('open-file').setInputFiles(officerFile);
      await dialog.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download, then open' }).click()]);
      assert.equal(download.suggestedFilename(), 'Budget monitoring sample.xlsx');
      await page.getByRole('status').filter({ hasText: 'Opened Officer budget.xlsx.' }).waitFor();

      // Nothing changed since: opening again does not ask. On a slow link the reading shows.
      await page.goto(`${url}/workbench.html?syncDelay=800`);
      await cell(page, 'B2').click();
      await page.keyboard.type('x');
      await page.keyboard.press('Enter');
      await page.getByTestId('open-file').setInputFiles(officerFile);
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Discard and open' }).click();
      const reading = page.getByTestId('reading');
      await reading.waitFor({ timeout: 5000 });
      const [words, bars] = await reading.evaluate((el) => [el.textContent, el.querySelectorAll('[role="progressbar"]').length]);
      assert.equal(words, 'Reading Officer budget.xlsx…');
      assert.equal(bars, 1);
      await page.getByRole('status').filter({ hasText: 'Opened Officer budget.xlsx.' }).waitFor();
      assert.equal(await reading.count(), 0);
      await page.getByTestId('open-file').setInputFiles(officerFile);
      await page.getByRole('status').filter({ hasText: 'Opened Officer budget.xlsx.' }).waitFor();
      assert.equal(await dialog.count(), 0, 'asked with nothing to discard');
    },
  },
  {
    name: 'hidden sheets are not tabs: "Hidden sheets (1)" shows one, marked hidden; a very hidden sheet is not listed',
    async run({ page }) {
      const names = await sheetTabs(page).getByRole('tab').allInnerTexts();
      assert.equal(names.length, 25);
      assert.ok(!names.includes('Workings') && !names.includes('Lists'), names.join(', '));
      assert.equal(await sheetTabs(page).getByRole('tab', { selected: true }).innerText(), 'Summary');
      await page.getByRole('button', { name: 'Hidden sheets (1)' }).click();
      const items = await page.getByRole('menuitem').allInnerTexts();
      assert.deepEqual(items, ['Workings']);
      await page.getByRole('menuitem', { name: 'Workings' }).click();
      const tab = sheetTabs(page).getByRole('tab', { selected: true });
      assert.equal(await tab.innerText(), 'Workings (hidden)');
      assert.match(await page.getByTestId('hidden-note').innerText(), /^Workings is a hidden sheet/);
      assert.equal(await cell(page, 'A1').innerText(), 'Rates');
      // Back to a visible sheet: the hidden one's tab goes.
      await sheetTabs(page).getByRole('tab', { name: 'Summary' }).click();
      assert.equal(await sheetTabs(page).getByRole('tab', { name: 'Workings (hidden)' }).count(), 0);
      assert.equal(await page.getByTestId('hidden-note').count(), 0);
    },
  },
  {
    name: 'many sheet tabs stay in one row that scrolls, the chosen tab scrolled into view',
    async run({ page }) {
      const tabs = sheetTabs(page);
      const rows = await tabs.getByRole('tab').evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
      assert.equal(rows, 1, 'the tabs wrap onto more than one row');
      const [scrollWidth, clientWidth] = await tabs.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(scrollWidth > clientWidth, `no overflow: ${scrollWidth} ≤ ${clientWidth}`);
      // By keyboard: the tabs are one stop; End chooses the last and scrolls it into view.
      await tabs.getByRole('tab', { selected: true }).focus();
      await page.keyboard.press('End');
      const last = tabs.getByRole('tab', { name: 'Service 24' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'Service 24');
      assert.equal(await last.getAttribute('aria-selected'), 'true');
      const [strip, lastBox] = [await box(tabs), await box(last)];
      assert.ok(lastBox.right <= strip.right + 1 && lastBox.left >= strip.left - 1, 'the chosen tab is out of view');
      assert.equal(await cell(page, 'A1').innerText(), 'Service 24');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.activeElement?.textContent === 'Service 23');
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.activeElement?.textContent === 'Summary');
      assert.equal(await tabs.locator('[tabindex="0"]').count(), 1);
    },
  },
  {
    name: 'frozen panes recorded in the file are honoured: rows 1–3 and columns A–B stay when the sheet scrolls',
    async run({ page }) {
      assert.equal(await page.getByTestId('grid').getAttribute('data-frozen'), '3,2');
      const scroller = page.getByTestId('grid-scroll');
      const before = { b50: await box(cell(page, 'B50')), e3: await box(cell(page, 'E3')), e50: await box(cell(page, 'E50')) };
      await cell(page, 'E50').scrollIntoViewIfNeeded();
      await scroller.evaluate((el) => el.scrollBy(600, 400));
      const [dx, dy] = await scroller.evaluate((el) => [el.scrollLeft, el.scrollTop]);
      assert.ok(dx > 0 && dy > 0);
      const after = { b50: await box(cell(page, 'B50')), e3: await box(cell(page, 'E3')), e50: await box(cell(page, 'E50')) };
      assert.equal(Math.round(after.b50.left), Math.round(before.b50.left), 'column B scrolled away');
      assert.equal(Math.round(after.e3.top), Math.round(before.e3.top), 'row 3 scrolled away');
      assert.equal(Math.round(after.e50.left), Math.round(before.e50.left - dx));
      assert.equal(Math.round(after.e50.top), Math.round(before.e50.top - dy));
      // The sheet bar and toolbar of a file with hidden sheets (the whole page is checked on the sample below).
      await axeClean(page, ['.wb-toolbar', '.wb-sheetbar']);
      rmSync(tmp, { recursive: true, force: true });
    },
  },
  {
    name: 'the grid is one tab stop: Tab and Shift+Tab leave it, Escape and F6 go to the pane, F6 cycles sheet, pane and toolbar',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).getByRole('button', { name: 'Validate workbook' }).waitFor();
      // F6 reaches the toolbar's Open: a real, labelled button, which opens the file chooser.
      await page.keyboard.press('F6');
      assert.equal(await focused(page), 'cell A1');
      await page.keyboard.press('Shift+F6');
      assert.equal(await focused(page), 'button Open .xlsx');
      // Enter presses it: it asks the hidden file input for the browser's file chooser (stopped here, with no file chosen).
      await page.getByTestId('open-file').evaluate((input) => input.addEventListener('click', (e) => { window.chooserAsked = true; e.preventDefault(); }, { once: true }));
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => window.chooserAsked), true);
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button Download .xlsx');

      await sheetTabs(page).getByRole('tab', { name: 'Month 7' }).click();
      await cell(page, 'C5').click();
      assert.equal(await page.locator('[data-testid="grid"] [tabindex="0"]').count(), 1);
      await page.keyboard.press('ArrowRight');
      assert.equal(await focused(page), 'cell D5');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'tab Month 7');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(page), 'cell D5');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(page), 'switch Dark theme');
      await cell(page, 'D5').click();
      await page.keyboard.press('F6');
      assert.equal(await focused(page), 'tab Validate');
      await page.keyboard.press('F6');
      assert.equal(await focused(page), 'button Open .xlsx');
      await page.keyboard.press('F6');
      assert.equal(await focused(page), 'cell D5');
      await page.keyboard.press('Shift+F6');
      assert.equal(await focused(page), 'button Open .xlsx');
      await page.keyboard.press('Shift+F6');
      assert.equal(await focused(page), 'tab Validate');
      await page.keyboard.press('Shift+F6');
      assert.equal(await focused(page), 'cell D5');
      await page.keyboard.press('Escape');
      assert.equal(await focused(page), 'tab Validate');
      // Enter and F2 still edit; Enter confirms and moves down, focus staying in the grid.
      await cell(page, 'E6').click();
      await page.keyboard.press('F2');
      assert.equal(await focused(page), 'input Edit E6');
      await page.keyboard.press('Escape');
      assert.equal(await focused(page), 'cell E6');
    },
  },
  {
    name: 'by keyboard alone: validate, fix, revert, RAG, movement and a tracker, focus returning to a sensible control each time',
    async run({ url, page }) {
      await page.goto(`${url}/workbench.html`);
      await pane(page).getByRole('button', { name: 'Validate workbook' }).waitFor();
      // Into the sheet with F6, to Month 7 with the tabs, to B16 with the arrows; type over its SUM.
      await page.keyboard.press('F6');
      assert.equal(await focused(page), 'cell A1');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'tab Month 7');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(page), 'cell A1');
      for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      assert.equal(await focused(page), 'cell B16');
      await page.keyboard.type('115');
      await page.keyboard.press('Enter');
      assert.equal(await focused(page), 'cell B17');

      // Validate: focus stays on the button that ran it.
      await page.keyboard.press('F6');
      assert.equal(await focused(page), 'tab Validate');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button Validate workbook');
      await page.keyboard.press('Enter');
      await pane(page).getByTestId('summary').waitFor();
      await waitForFocus(page, /^button Validate workbook$/);

      // Fix…: the preview's heading; Tab to Apply; after Apply, Revert.
      await tabTo(page, /^button Fix…$/);
      await page.keyboard.press('Enter');
      await waitForFocus(page, /^h2 This will change$/);
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button Apply');
      await page.keyboard.press('Enter');
      await waitForFocus(page, /^button Revert last change$/);
      await noError(page);
      assert.equal(await cell(page, 'B16').innerText(), '115.076');

      // Revert: it asks first (focus on its Revert button); then back to the tab's first action, Validate workbook.
      await page.keyboard.press('Enter');
      await waitForFocus(page, /^button Revert$/);
      await page.keyboard.press('Enter');
      await pane(page).getByTestId('notice').filter({ hasText: /^Reverted: / }).waitFor();
      await waitForFocus(page, /^button Validate workbook$/);
      assert.equal(await cell(page, 'B16').innerText(), '115.000');

      // A preview cancelled returns to the control that opened it.
      await tabTo(page, /^button Fix…$/);
      await page.keyboard.press('Enter');
      await waitForFocus(page, /^h2 This will change$/);
      await tabTo(page, /^button Cancel$/, 3);
      await page.keyboard.press('Enter');
      await waitForFocus(page, /^button Fix…$/);

      // RAG, Movement and the mitigation tracker, each previewed and applied from the keyboard.
      for (const [tab, action] of [['RAG', /^button Apply RAG colours$/], ['Movement', /^button Compute movement$/], ['Trackers', /^button Insert or update mitigation tracker$/]]) {
        // To the pane's tab list (back from a finding's Fix…, on from Revert), then along it with the arrow keys.
        const paneTab = /^tab (Tables|Validate|RAG|Movement|Trackers)$/;
        await tabTo(page, paneTab, 12, !/Revert/.test(await focused(page)));
        for (let i = 0; i < 4 && (await focused(page)) !== `tab ${tab}`; i++) await page.keyboard.press('ArrowRight');
        assert.equal(await focused(page), `tab ${tab}`);
        await page.keyboard.press('Enter');
        assert.equal(await pane(page).getByRole('tab', { name: tab, exact: true }).getAttribute('aria-selected'), 'true');
        await tabTo(page, action);
        await page.keyboard.press('Enter');
        await waitForFocus(page, /^h2 This will change$/);
        await page.keyboard.press('Tab');
        assert.equal(await focused(page), 'button Apply');
        await page.keyboard.press('Enter');
        await waitForFocus(page, /^button Revert last change$/);
        await noError(page);
      }
      assert.ok((await sheetTabs(page).getByRole('tab', { name: 'Mitigation Tracker' }).count()) === 1);
      await axeClean(page);
    },
  },
];
