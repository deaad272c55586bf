#!/usr/bin/env node
/**
 * The `budget-monitor` command. Runs the bundled CLI (dist/cli/budget-monitor.cjs, built
 * by `node bin/build-cli.mjs`) when it is at least as new as the sources, else the
 * TypeScript sources through tsx's require hook (a devDependency, present after `npm ci`),
 * so a stale bundle is never run while the sources are at hand.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher, run by Node directly */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'budget-monitor.cjs');
const sources = path.join(root, 'src');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (!fs.existsSync(bundle)) return false;
  if (!fs.existsSync(sources)) return true;
  return fs.statSync(bundle).mtimeMs >= newestSource(sources);
}

function loadCli() {
  if (bundleIsCurrent()) return require(bundle);
  try {
    require('tsx/cjs/api').register();
  } catch {
    return fs.existsSync(bundle) ? require(bundle) : undefined;
  }
  return require(path.join(sources, 'cli', 'main.ts'));
}

const cli = loadCli();
if (!cli) {
  // The one message that cannot live in src/engine/messages: without a runtime nothing can be loaded.
  process.stderr.write('budget-monitor: the command-line tool is not built; run "npm ci" or "node bin/build-cli.mjs" in the project folder first.\n');
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
