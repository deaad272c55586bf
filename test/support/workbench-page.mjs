/**
 * The workbench as the browser tests drive it: the pane, a grid cell, a sheet tab, typing as
 * an officer does, and waiting for a preview (failing with the message bar's words instead).
 */
import assert from 'node:assert/strict';

export const pane = (page) => page.getByTestId('task-pane');
export const cell = (page, a1) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);

export async function showSheet(page, name) {
  await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true }).click();
}

/** Types into a grid cell as the officer would: select it, type, Enter. */
export async function typeInto(page, a1, text) {
  await cell(page, a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Waits for the plan preview; if the pane shows an error instead, fails with its text. */
export async function waitForPreview(page) {
  const preview = pane(page).getByTestId('plan-preview');
  const bar = pane(page).getByTestId('error-bar');
  await preview.or(bar).first().waitFor();
  if (await bar.count()) assert.fail(`Message bar instead of a preview: ${await bar.innerText()}`);
  return preview;
}
