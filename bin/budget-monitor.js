#!/usr/bin/env node
/**
 * The `budget-monitor` command. Runs the bundled CLI (dist/cli/budget-monitor.cjs, built by
 * bin/build-cli.mjs) when it exists, else the TypeScript sources through tsx's require hook
 * (a devDependency, present after `npm ci`). Set BUDGET_MONITOR_FROM_SOURCE=1 to force the
 * sources (when the bundle may be stale).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher, run by Node directly */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'budget-monitor.cjs');

function loadCli() {
  if (fs.existsSync(bundle) && process.env.BUDGET_MONITOR_FROM_SOURCE !== '1') return require(bundle);
  try {
    require('tsx/cjs/api').register();
  } catch {
    return undefined;
  }
  return require(path.join(root, 'src', 'cli', 'main.ts'));
}

const cli = loadCli();
if (!cli) {
  // The one message that cannot live in src/engine/messages: without a runtime it cannot be loaded.
  process.stderr.write('budget-monitor: the command-line tool is not built; run "npm ci" or "npm run build:cli" in the project folder first.\n');
  process.exitCode = 2;
} else {
  cli.main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`budget-monitor: ${err && err.message ? String(err.message).split('\n')[0] : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
