import { parseArgs, UsageError } from '../../../src/cli/args';
import { parseRagPolicy as policyFromJson } from '../../../src/engine/policy-json';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';

describe('parseArgs', () => {
  it('reads check with its options in any order, with = or a separate value', () => {
    expect(parseArgs(['check', '--format=json', 'Month 7.xlsx', '--prior', 'Month 6', '--policy', 'p.json'])).toEqual({
      command: 'check', file: 'Month 7.xlsx', format: 'json', prior: 'Month 6', policy: 'p.json',
    });
    expect(parseArgs(['check', 'a.xlsx'])).toEqual({ command: 'check', file: 'a.xlsx', format: 'text', prior: undefined, policy: undefined });
  });

  it('reads apply with its operations in canonical order', () => {
    expect(parseArgs(['apply', 'a.xlsx', '--report', '--out', 'b.xlsx', '--fix', '--force'])).toEqual({
      command: 'apply', file: 'a.xlsx', out: 'b.xlsx', operations: ['fix', 'report'], force: true, prior: undefined, policy: undefined,
    });
  });

  it('gives help for the tool and for each command', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: 'general' });
    expect(parseArgs(['check', '--help'])).toEqual({ command: 'help', topic: 'check' });
    expect(parseArgs(['apply', 'x.xlsx', '-h'])).toEqual({ command: 'help', topic: 'apply' });
  });

  it.each([
    [[], /No command given/],
    [['lint', 'a.xlsx'], /Unknown command "lint"/],
    [['check'], /No workbook given/],
    [['check', 'a.xlsx', 'b.xlsx'], /Unexpected argument "b.xlsx"/],
    [['check', 'a.xlsx', '--format', 'xml'], /--format must be "text" or "json", not "xml"/],
    [['check', 'a.xlsx', '--fix'], /Unknown option "--fix"/],
    [['check', 'a.xlsx', '--prior'], /Option --prior needs a value/],
    [['apply', 'a.xlsx', '--fix'], /apply needs --out/],
    [['apply', 'a.xlsx', '--out', 'b.xlsx'], /Nothing to apply/],
    [['apply', 'a.xlsx', '--out', 'b.csv', '--fix'], /--out b.csv must end in .xlsx/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('policyFromJson', () => {
  it('keeps the default for every field left out', () => {
    expect(policyFromJson({})).toEqual({ ok: true, policy: DEFAULT_RAG_POLICY });
    const p = policyFromJson({ basis: 'gross', amberFromPercent: 0.02, red: { line: { percent: 0.1 } }, words: { Red: ['Red'] } });
    expect(p).toEqual({
      ok: true,
      policy: {
        ...DEFAULT_RAG_POLICY,
        basis: 'gross',
        amberFromPercent: 0.02,
        red: { ...DEFAULT_RAG_POLICY.red, line: { money: 100_000, percent: 0.1, combine: 'lower' } },
        words: { ...DEFAULT_RAG_POLICY.words, Red: ['Red'] },
      },
    });
  });

  it.each([
    [[], 'it must be a JSON object'],
    [{ basis: 'gross budget' }, '"basis" must be "net" or "gross"'],
    [{ red: { line: { money: -1 } } }, '"red.line.money" must be a number of 0 or more'],
    [{ red: { line: { combine: 'min' } } }, '"red.line.combine" must be "lower" or "higher"'],
    [{ red: { directorate: {} } }, 'unknown field "red.directorate"'],
    [{ words: { Red: [] } }, '"words.Red" must be a list of words'],
    [{ colour: 'red' }, 'unknown field "colour"'],
  ])('%j: %s', (json, problem) => {
    expect(policyFromJson(json)).toEqual({ ok: false, problems: [problem] });
  });
});
