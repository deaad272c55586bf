import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_XLSX_FIXTURES, FAULT_FIXTURES, fixturePath } from '../../fixtures/build-fixtures';
import { TABLE1_FIRST_ROW, seed000Table1Formulas } from '../../fixtures/grids';
import { checkJson, expectOneLineError, runWith } from './run-cli';
import { realTools } from '../../../src/cli/tools';
import type { ValidateOptions } from '../../../src/engine';

/** Excel row of the first "sub total" on Table 1, found from the grid rather than hard-coded. */
function firstSubtotalRow(): number {
  const rows = seed000Table1Formulas().sheets[0]!.rows;
  return rows.findIndex((r) => r?.[0]?.value === 'sub total') + 1;
}
const FIRST_LINE_ROW = TABLE1_FIRST_ROW + 1;

describe('check: every fixture, text and json', () => {
  it.each(Object.keys(ALL_XLSX_FIXTURES))('%s', async (name) => {
    const file = fixturePath(name);
    const { doc } = await checkJson(file);
    expect(doc.tables.length).toBeGreaterThan(0);
    const text = await runWith(['check', file]);
    expect(text.code).toBe(doc.summary.errors > 0 ? 1 : 0);
    expect(text.stderr).toBe('');
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ tables? on \\d+ sheets?$`));
    const { errors, warnings, infos } = doc.summary;
    expect(lines[lines.length - 1]).toBe(
      `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${infos} ${infos === 1 ? 'note' : 'notes'}: ${errors === 0 ? 'ready to submit.' : 'not ready to submit.'}`,
    );
    // One text line per finding, under its sheet's heading; a consequence under its root.
    for (const f of doc.findings) expect(text.stdout).toContain(f.causedBy ? `follows from it: ${f.cell} ` : `  ${f.cell}`);
    for (const sheet of new Set(doc.findings.map((f) => f.sheet))) expect(lines).toContain(sheet);
  }, 30_000);
});

describe('check: the clean seed 000 tables have no errors', () => {
  it.each(['seed000-table1-formulas', 'seed000-table1-values', 'seed000-months'])('%s', async (name) => {
    const { code, doc } = await checkJson(fixturePath(name));
    expect(doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('check: injected faults are reported at their cell, exit 1', () => {
  const cases: [string, () => string, string][] = [
    ['fault-typed-subtotal', () => `D${firstSubtotalRow()}`, 'error'],
    ['fault-short-sum', () => `B${firstSubtotalRow()}`, 'error'],
    ['fault-wrong-variance', () => `F${FIRST_LINE_ROW}`, 'error'],
    ['fault-ref-error', () => `E${FIRST_LINE_ROW}`, 'error'],
  ];
  it.each(cases)('%s', async (name, cell, severity) => {
    const { code, doc } = await checkJson(fixturePath(name));
    expect(code).toBe(1);
    expect(doc.findings).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'Month 7', cell: cell(), severity })]));
  });

  it('fault-number-as-text is reported at its cell', async () => {
    const { doc } = await checkJson(fixturePath('fault-number-as-text'));
    expect(doc.findings.map((f) => f.cell)).toContain(`E${FIRST_LINE_ROW}`);
  });

  it('text output lists the faulty cell under its sheet', async () => {
    const run = await runWith(['check', fixturePath('fault-typed-subtotal')]);
    const lines = run.stdout.split('\n');
    const sheetLine = lines.indexOf('Month 7');
    expect(sheetLine).toBeGreaterThan(0);
    expect(lines.slice(sheetLine + 1).some((l) => new RegExp(`^  D${firstSubtotalRow()}\\s+error\\s+\\S`).test(l))).toBe(true);
  });

  it('covers every faulted fixture', () => {
    expect(Object.keys(FAULT_FIXTURES).sort()).toEqual([...cases.map((c) => c[0]), 'fault-number-as-text'].sort());
  });
});

describe('check: bad input gives one line on stderr and exit 2', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-cli-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, data: Buffer | string): Promise<string> {
    const file = path.join(dir, name);
    await fs.writeFile(file, data);
    return file;
  }

  function compoundFile(stream: string): Buffer {
    const buf = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
    buf.write('Root Entry', 512, 'utf16le');
    buf.write(stream, 640, 'utf16le');
    return buf;
  }

  it('not a zip', async () => expectOneLineError(await runWith(['check', await write('plain.xlsx', 'hello')]), /plain\.xlsx is not an Excel workbook/));
  it('an old .xls', async () => expectOneLineError(await runWith(['check', await write('old.xls', compoundFile('Workbook'))]), /old\.xls is an old binary Excel file \(\.xls\); open it in Excel and save it as \.xlsx/));
  it('a password-protected file', async () =>
    expectOneLineError(await runWith(['check', await write('locked.xlsx', compoundFile('EncryptedPackage'))]), /locked\.xlsx is password-protected/));
  it('an empty workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const file = await write('empty.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expectOneLineError(await runWith(['check', file, '--format', 'json']), /empty\.xlsx is an empty workbook: every sheet is blank\./);
  });
  it('a missing file', async () => expectOneLineError(await runWith(['check', path.join(dir, 'nope.xlsx')]), /nope\.xlsx: no such file\./));
  it('a 200 MB file is refused before reading', async () => {
    const file = path.join(dir, 'big.xlsx');
    const handle = await fs.open(file, 'w');
    await handle.truncate(200 * 1024 * 1024); // sparse
    await handle.close();
    expectOneLineError(await runWith(['check', file]), /big\.xlsx is 200 MB, larger than the 100 MB this tool will open/);
  });
  it('a --prior sheet that does not exist', async () =>
    expectOneLineError(await runWith(['check', fixturePath('seed000-months'), '--prior', 'Month 5']), /--prior "Month 5": .* has no sheet of that name/));
  it('a --prior file that does not exist', async () =>
    expectOneLineError(await runWith(['check', fixturePath('seed000-months'), '--prior', path.join(dir, 'm6.xlsx')]), /m6\.xlsx: no such file\./));
  it('a policy file that is not JSON', async () =>
    expectOneLineError(await runWith(['check', fixturePath('seed000-months'), '--policy', await write('p.json', '{ basis: net')]), /Policy file .*p\.json is not valid JSON/));
  it('a policy with a wrong field', async () =>
    expectOneLineError(await runWith(['check', fixturePath('seed000-months'), '--policy', await write('q.json', '{"basis":"total"}')]), /Policy file .*q\.json: "basis" must be "net" or "gross"\./));
  it('a usage error', async () => expectOneLineError(await runWith(['check']), /No workbook given/));
});

describe('check: options reach the engine', () => {
  it('--prior names the previous sheet and --policy changes RAG thresholds', async () => {
    const withPrior = await checkJson(fixturePath('seed000-months'), '--prior', 'Month 6');
    expect(withPrior.doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // A policy that makes every overspend Red disagrees with the Amber lines of seed 000.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-pol-'));
    const policy = path.join(dir, 'strict.json');
    await fs.writeFile(policy, JSON.stringify({ red: { line: { money: 0, percent: 0 }, section: { money: 0, percent: 0 }, table: { money: 0, percent: 0 } } }));
    const strict = await checkJson(fixturePath('seed000-table1-formulas'), '--policy', policy);
    expect(strict.doc.findings.some((f) => f.rule === 'rag-policy')).toBe(true);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('--prior reaches the engine as a sheet of the workbook or as last month’s workbook', async () => {
    const seen: unknown[] = [];
    const real = realTools();
    const spy = { ...real, engine: { ...real.engine, validate: (_w: unknown, options: ValidateOptions = {}) => (seen.push(options.previous), { tables: [], findings: [] }) } };
    expect((await runWith(['check', fixturePath('seed000-months'), '--prior', 'Month 6'], spy)).code).toBe(0);
    expect((await runWith(['check', fixturePath('seed000-table1-values'), '--prior', fixturePath('seed000-months')], spy)).code).toBe(0);
    expect((await runWith(['check', fixturePath('seed000-months')], spy)).code).toBe(0);
    expect(seen[0]).toEqual({ sheet: 'Month 6' });
    const file = seen[1] as { workbook: { sheets: { name: string }[] }; fileName: string };
    expect(file.fileName).toBe('seed000-months.xlsx');
    expect(file.workbook.sheets.map((s) => s.name)).toEqual(['Month 6', 'Month 7']);
    expect(seen[2]).toBeUndefined();
  });

  it('help for check and apply shows examples, exit 0', async () => {
    for (const cmd of ['check', 'apply']) {
      const run = await runWith([cmd, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`budget-monitor ${cmd} "Month 7.xlsx"`);
      expect(run.stdout).toContain('Examples:');
    }
    expect((await runWith(['--help'])).stdout).toMatch(/^budget-monitor: check and fix/);
  });
});
