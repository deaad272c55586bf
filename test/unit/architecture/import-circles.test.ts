/**
 * No file in src imports itself through others. A circle makes module load order matter
 * (an export read before it is defined is undefined at run time) and blurs which idea
 * depends on which.
 */
import { join } from 'node:path';
import { importCircles, importGraph } from '../../support/import-graph';

const ROOT = join(__dirname, '..', '..', '..');

describe('import circles', () => {
  it('src has none', () => {
    expect(importCircles(importGraph(ROOT, 'src'))).toEqual([]);
  });

  it('the check finds a circle, type-only imports included', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts', 'd.ts']],
      ['e.ts', []],
    ]);
    expect(importCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('reads the engine’s real imports (a known edge is present)', () => {
    const graph = importGraph(ROOT, 'src');
    expect(graph.get('src/engine/validate.ts')).toContain('src/engine/read/index.ts');
  });
});
