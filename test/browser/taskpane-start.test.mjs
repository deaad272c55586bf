/**
 * taskpane.html where it cannot start: outside Office, in another Office application, without
 * Office.js, and in a web view too old for the bundle. Each shows the page's plain message (what
 * is needed, a link to the workbench and to help) instead of a blank pane; in Excel the pane
 * mounts and the message goes. Office.js is answered by stand-ins, so no network is needed; the
 * page's real Content-Security-Policy applies throughout, and nothing may break it.
 */
import assert from 'node:assert/strict';

const OFFICE_JS = 'https://officeapis.public.onecdn.static.microsoft/1/office.js';

/** An Office.js stand-in whose onReady reports `host`, with an Excel.run that never answers. */
const officeStandIn = (host) => `
window.Office = {
  onReady: (cb) => Promise.resolve(cb ? cb({ host: ${JSON.stringify(host)}, platform: null }) : { host: ${JSON.stringify(host)} }),
  context: { officeTheme: { bodyBackgroundColor: '#ffffff' }, requirements: { isSetSupported: () => true } },
};
window.Excel = { run: () => new Promise(() => {}) };
`;

/**
 * Opens taskpane.html in a new page of the shared browser with Office.js answered by `office`
 * (script text, or null for a failed download); `bundle` replaces the task pane's bundle when given.
 * Resolves with the page and the CSP violations it reported.
 */
async function openPane({ url, page: shared }, { office, bundle, init, clock }) {
  const page = await shared.context().newPage();
  if (clock) await page.clock.install();
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.route(OFFICE_JS, (route) => (office === null ? route.abort() : route.fulfill({ contentType: 'text/javascript', body: office })));
  if (bundle !== undefined) await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }));
  if (init) await page.addInitScript(init);
  await page.goto(`${url}/taskpane.html`);
  return { page, violations };
}

/** Waits for the message and checks it names the reason, what is needed, and both links. */
async function expectMessage(page, reason) {
  const box = page.locator('#unsupported');
  await box.waitFor({ state: 'visible' });
  assert.match(await page.locator('#unsupported-reason').innerText(), reason);
  assert.match(await box.innerText(), /Excel in Microsoft 365 .* Excel on the web/);
  assert.equal(await box.getByRole('link', { name: 'workbench' }).getAttribute('href'), 'workbench.html');
  assert.equal(await box.getByRole('link', { name: 'Budget Monitor help' }).getAttribute('href'), 'help.html');
  assert.equal(await page.getByTestId('task-pane').count(), 0);
}

export const tests = [
  {
    name: 'in Excel the pane mounts and the message is removed',
    async run(shared) {
      const { page, violations } = await openPane(shared, { office: officeStandIn('Excel'), clock: true });
      try {
        await page.getByTestId('task-pane').waitFor();
        assert.equal(await page.locator('#unsupported').count(), 0);
        await page.clock.runFor(11_000);
        assert.equal(await page.locator('#unsupported').count(), 0);
        assert.deepEqual(violations, []);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'outside Office, in Word, and without Office.js the page says what is needed',
    async run(shared) {
      for (const [office, reason] of [
        [officeStandIn(null), /outside Office/],
        [officeStandIn('Word'), /opened in Word, not Excel/],
        [null, /Office\.js did not load/],
      ]) {
        const { page, violations } = await openPane(shared, { office, clock: true });
        try {
          await expectMessage(page, reason);
          // The inline script's 10-second fallback keeps the reason already given.
          await page.clock.runFor(11_000);
          assert.match(await page.locator('#unsupported-reason').innerText(), reason);
          assert.deepEqual(violations, []);
        } finally {
          await page.close();
        }
      }
    },
  },
  {
    name: 'a pane that has not started after 10 seconds says so',
    async run(shared) {
      const { page, violations } = await openPane(shared, { office: 'window.Office = { onReady: () => new Promise(() => {}) };', clock: true });
      try {
        await page.waitForLoadState('load');
        assert.equal(await page.locator('#unsupported').isVisible(), false);
        await page.clock.runFor(11_000);
        await expectMessage(page, /did not start within 10 seconds/);
        assert.deepEqual(violations, []);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'a web view that cannot parse the bundle, or lacks ES2020, gets the message from the inline script',
    async run(shared) {
      // The bundle as an old engine sees it: a syntax error.
      const parse = await openPane(shared, { office: officeStandIn('Excel'), bundle: 'const pane = a?.;' });
      try {
        await expectMessage(parse.page, /web view too old/);
        assert.deepEqual(parse.violations, []);
      } finally {
        await parse.page.close();
      }
      // An engine without ES2020's Promise.allSettled, whose bundle never runs.
      const old = await openPane(shared, { office: officeStandIn('Excel'), bundle: '', init: () => { delete Promise.allSettled; } });
      try {
        await expectMessage(old.page, /web view too old/);
        assert.deepEqual(old.violations, []);
      } finally {
        await old.page.close();
      }
    },
  },
];
