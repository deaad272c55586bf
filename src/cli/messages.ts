/** Messages of the command-line checker (src/cli): help, errors, and the text report. */

export const cliMessages = {
  help: `budget-monitor: check and fix council budget monitoring workbooks (.xlsx)

Usage:
  budget-monitor check <file.xlsx> [--format text|json] [--policy policy.json] [--prior <sheet | file.xlsx>]
  budget-monitor apply <file.xlsx> --out <new.xlsx> [--fix] [--rag] [--movement] [--tracker] [--savings-tracker] [--explanations] [--report] [--chart] [--force]
  budget-monitor <command> --help

Exit status: 0 no errors, 1 errors found, 2 the input could not be read or the command was wrong.
`,
  checkHelp: `budget-monitor check <file.xlsx> [options]

Checks every monitoring table in the workbook with every rule: totals and sub totals,
SUM ranges, net budget, variance, labels, RAG against the policy, pressures, movement,
trackers and data quality. The file is only read, never changed.

Options:
  --format text|json   text (default): findings grouped by sheet, then a summary line.
                       json: one JSON document { file, tables, findings, summary }.
  --policy <file>      RAG policy as JSON (thresholds by level, basis net or gross);
                       fields left out keep the published default.
  --prior <sheet|file> The previous period for movement checks: a sheet of this
                       workbook ("Month 6") or last month's .xlsx file. Detected
                       automatically from "Movement From Month 6" headers when omitted.
  -h, --help           Show this help.

Exit status: 0 no errors (warnings and notes allowed), 1 errors found, 2 the file could
not be read.

Examples:
  budget-monitor check "Month 7.xlsx"
  budget-monitor check "Month 7.xlsx" --format json > findings.json
  budget-monitor check "Month 7.xlsx" --prior "Month 6"
  budget-monitor check month7.xlsx --prior month6.xlsx --policy council-rag.json
`,
  applyHelp: `budget-monitor apply <file.xlsx> --out <new.xlsx> [options]

Writes a new workbook with the same edits the add-in makes. The input file is never
changed, and an existing output file is only replaced with --force.

Options:
  --out <file>         The new workbook to write (required; must not be the input).
  --fix                Apply every fix the checks offer (SUM formulas, arithmetic, labels).
  --rag                RAG colours as native conditional formats, following the policy.
  --movement           Movement since the previous period (see --prior).
  --tracker            Insert or update the "Mitigation Tracker" sheet.
  --savings-tracker    Insert or update the savings (MTFP) tracker sheet.
  --explanations       Insert or update the "Variance explanations" sheet: a drafted
                       sentence for every line the policy says needs an explanation
                       (Red, or £100,000 or more), its figures linked to the table,
                       with empty Reason, Action and Owner cells. Keeps what you typed.
  --report             Add a sheet listing every finding.
  --chart              Native charts of budget v forecast outturn and the variance by RAG,
                       linked to the table's cells.
  --chart-by <lines|sections>   One bar per line (default) or per section sub total.
  --chart-on <beside|sheet>     Beside the table (default) or on a "Charts" sheet.
  --policy <file>      RAG policy as JSON (for --rag and the checks).
  --prior <sheet|file> The previous period (for --movement and the checks).
  --force              Replace the output file if it exists.
  -h, --help           Show this help.

Exit status: 0 written and no errors remain, 1 written but errors remain, 2 nothing
written (unreadable input, bad options, or the edits could not be made).

Examples:
  budget-monitor apply "Month 7.xlsx" --out "Month 7 fixed.xlsx" --fix
  budget-monitor apply "Month 7.xlsx" --out "Month 7 ready.xlsx" --fix --rag --movement --prior "Month 6"
  budget-monitor apply month7.xlsx --out month7-tracker.xlsx --tracker --force
  budget-monitor apply month7.xlsx --out month7-chart.xlsx --chart --chart-by sections --chart-on sheet
  budget-monitor apply month7.xlsx --out month7-explained.xlsx --explanations
`,
  usage: {
    noCommand: 'No command given; run "budget-monitor --help" for usage.',
    unknownCommand: (command: string) => `Unknown command "${command}"; the commands are "check" and "apply" (see --help).`,
    unknownOption: (option: string) => `Unknown option "${option}" (see --help).`,
    missingValue: (option: string) => `Option ${option} needs a value.`,
    missingFile: 'No workbook given; name the .xlsx file to read (see --help).',
    extraArgument: (arg: string) => `Unexpected argument "${arg}"; give one workbook (quote names with spaces).`,
    badFormat: (format: string) => `--format must be "text" or "json", not "${format}".`,
    badChoice: (option: string, value: string, choices: readonly string[]) => `${option} must be ${choices.map((c) => `"${c}"`).join(' or ')}, not "${value}".`,
    missingOut: 'apply needs --out <new.xlsx>: the input file is never changed.',
    nothingToApply: 'Nothing to apply: choose at least one of --fix, --rag, --movement, --tracker, --savings-tracker, --explanations, --report.',
    outIsInput: (file: string) => `--out names the input file ${file}; choose a new file name (the input is never changed).`,
    outExists: (file: string) => `${file} already exists; choose another name or add --force to replace it.`,
    outNotXlsx: (file: string) => `--out ${file} must end in .xlsx.`,
  },
  policy: {
    unreadable: (file: string) => `Policy file ${file} could not be read.`,
    notJson: (file: string, reason: string) => `Policy file ${file} is not valid JSON (${reason}).`,
    invalid: (file: string, problem: string) => `Policy file ${file}: ${problem}.`,
  },
  prior: {
    noSheet: (sheet: string, file: string) =>
      `--prior "${sheet}": ${file} has no sheet of that name, and no such file exists either.`,
  },
  operationRefused: (flag: string, problem: string) => `${flag}: ${problem} Nothing was written.`,
  cannotApply: (problem: string) => `The changes could not be made: ${problem} Nothing was written.`,
  cannotWrite: (file: string, reason: string) => `${file} could not be written (${reason}); nothing was written.`,
  internal: (file: string, reason: string) =>
    `Checking ${file} failed unexpectedly (${reason}). Please report this with the file if you can.`,
  noCalculator:
    'Formulas were written without results because the calculation engine is not installed; Excel will calculate them when the file is opened.',
  text: {
    heading: (file: string, tables: number, sheets: number) =>
      `${file}: ${tables} ${tables === 1 ? 'table' : 'tables'} on ${sheets} ${sheets === 1 ? 'sheet' : 'sheets'}`,
    noTables: (file: string) => `${file}: no monitoring tables found (nothing to check).`,
    noFindings: 'No problems found.',
    summary: (errors: number, warnings: number, infos: number) =>
      `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${infos} ${infos === 1 ? 'note' : 'notes'}: ${errors === 0 ? 'ready to submit.' : 'not ready to submit.'}`,
    severity: { error: 'error', warning: 'warning', info: 'note' } as const,
    because: (summary: string) => `because ${summary}`,
    consequence: (cell: string, message: string, rule: string) => `↳ follows from it: ${cell} ${message}  [${rule}]`,
    consequences: (count: number) => `${count} further ${count === 1 ? 'finding follows' : 'findings follow'} from those above and ${count === 1 ? 'is' : 'are'} listed under ${count === 1 ? 'its root' : 'their roots'}.`,
  },
  applied: {
    wrote: (file: string) => `Wrote ${file}.`,
    fixes: (count: number) => `Applied ${count} ${count === 1 ? 'fix' : 'fixes'}.`,
    operation: (title: string) => `Applied: ${title}.`,
    note: (text: string) => `Note: ${text}`,
    remaining: (errors: number, warnings: number, infos: number) =>
      `After the changes: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${infos} ${infos === 1 ? 'note' : 'notes'}.`,
  },
} as const;
