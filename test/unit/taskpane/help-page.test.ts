/** help.html, the manifest's SupportUrl and LearnMoreUrl: built into dist/, with the pane's CSP and no script. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];

describe('help.html', () => {
  const help = read('src/taskpane/help.html');

  it('is what the manifest links to, and webpack emits it', () => {
    const manifest = read('manifest.xml');
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
    expect(manifest).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help.html"/>');
    expect(read('webpack.config.js')).toMatch(/filename: 'help\.html', template: '\.\/src\/taskpane\/help\.html', chunks: \[\]/);
  });

  it('has the task pane’s Content-Security-Policy and no script', () => {
    expect(cspOf(help)).toBeDefined();
    expect(cspOf(help)).toBe(cspOf(read('src/taskpane/taskpane.html')));
    expect(help).not.toMatch(/<script/i);
  });

  it('covers each tab of the pane, in en-GB', () => {
    expect(help).toContain('<html lang="en-GB">');
    for (const heading of ['Tables', 'Validate and fix', 'RAG colours', 'Movement', 'Trackers and the report', 'Undoing a change', 'Keyboard']) {
      expect(help).toContain(`>${heading}</h2>`);
    }
  });
});
