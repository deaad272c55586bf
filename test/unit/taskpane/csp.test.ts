/**
 * The task pane page: Office.js from Microsoft's Office.js CDN only, one inline script (the
 * "needs Excel" fallback) allowed by its hash, and a CSP that allows nothing else remote.
 * Checked on the template and on the template as html-webpack-plugin minifies it for the
 * production build; taskpane-html.build.test.ts checks a real build, and
 * test/browser/taskpane-start.test.mjs runs the page in Chromium under its CSP.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { minify } from 'html-minifier-terser';

const root = path.resolve(__dirname, '../../..');
const template = readFileSync(path.join(root, 'src/taskpane/taskpane.html'), 'utf8');

/** Microsoft's current address for Office.js (learn.microsoft.com, "Referencing the Office JavaScript API library"). */
const OFFICE_JS = 'https://officeapis.public.onecdn.static.microsoft/1/office.js';
const CDN = new URL(OFFICE_JS).origin;

/** html-webpack-plugin's minification in production mode (its defaults, which webpack.config.js keeps). */
const productionHtml = () =>
  minify(template, {
    collapseWhitespace: true, keepClosingSlash: true, removeComments: true, removeRedundantAttributes: true,
    removeScriptTypeAttributes: true, removeStyleLinkTypeAttributes: true, useShortDoctype: true,
  });

function directives(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  return new Map(m![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** What a page's CSP and script tags allow: checked alike on the template and the minified page. */
function expectPolicy(html: string): void {
  const external = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  expect(external.filter((src) => /^(https?:)?\/\//.test(src!))).toEqual([OFFICE_JS]);
  const inline = inlineScripts(html);
  expect(inline).toHaveLength(1);
  const csp = directives(html);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect({ 'script-src': csp.get('script-src') }).toEqual({ 'script-src': ["'self'", CDN, ...inline.map(sha256)] });
  expect(csp.get('connect-src')).toEqual(["'self'", CDN]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  const all = [...csp.values()].flat();
  expect(all).not.toContain("'unsafe-eval'");
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(all.filter((v) => /^(https?:|wss?:|\*)/.test(v) && v !== CDN)).toEqual([]);
}

describe('taskpane.html', () => {
  it('loads Office.js from the CDN in the head, before any other script', () => {
    const head = template.slice(0, template.indexOf('</head>'));
    expect(head).toContain(`<script src="${OFFICE_JS}"></script>`);
    expect(template.indexOf('<script')).toBe(template.indexOf(`<script src="${OFFICE_JS}"`));
  });

  it('allows only its own origin, the Office.js CDN and its inline script by hash, and no eval', () => {
    expectPolicy(template);
  });

  it('keeps that policy, and the inline script’s hash, once minified for production', async () => {
    const html = await productionHtml();
    expectPolicy(html);
    expect(inlineScripts(html)).toEqual(inlineScripts(template));
  });

  it('has an inline fallback in ES5, after the message it shows, that does not touch the bundle', () => {
    const [script] = inlineScripts(template);
    expect(() => parse(script!, { ecmaVersion: 5 })).not.toThrow();
    expect(template.indexOf('<div id="unsupported" hidden>')).toBeLessThan(template.indexOf('<script>'));
    expect(template.indexOf('<div id="root">')).toBeLessThan(template.indexOf('<script>'));
    expect(script).not.toMatch(/taskpane\.|import|require/);
  });

  it('says what is needed and links to the workbench and to help, with relative links', () => {
    const box = /<div id="unsupported" hidden>([\s\S]*?)<\/div>/.exec(template)?.[1] ?? '';
    expect(box).toMatch(/Excel in Microsoft 365/);
    expect(box).toMatch(/Excel on the web/);
    expect(box).toContain('<a href="workbench.html">');
    expect(box).toContain('<a href="help.html">');
  });
});

describe('task pane and workbench sources', () => {
  it('never use eval, new Function or dangerouslySetInnerHTML', () => {
    const offenders: string[] = [];
    for (const dir of ['src/taskpane', 'src/taskpane/components', 'src/taskpane/state', 'src/workbench']) {
      for (const file of readdirSync(path.join(root, dir)).filter((f) => /\.tsx?$/.test(f))) {
        const text = readFileSync(path.join(root, dir, file), 'utf8');
        if (/\beval\(|new Function\(|dangerouslySetInnerHTML/.test(text)) offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
