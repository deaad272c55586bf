/** The task pane page: Office.js from the Office CDN only, and a CSP that allows nothing else. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const html = readFileSync(path.join(root, 'src/taskpane/taskpane.html'), 'utf8');

function directives(): Map<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  return new Map(m![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('taskpane.html', () => {
  it('loads only Office.js from the Office CDN as an external script', () => {
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });

  it('has a CSP allowing only its own origin and the Office CDN, and no eval', () => {
    const csp = directives();
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.filter((v) => /^https?:/.test(v) && v !== 'https://appsforoffice.microsoft.com')).toEqual([]);
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
