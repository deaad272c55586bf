/** Command-line arguments -> a typed command, or a usage error. No library: the grammar is small. */
import { cliMessages } from './messages';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type OutputFormat = 'text' | 'json';

export interface CommonOptions {
  readonly file: string;
  readonly policy?: string;
  readonly prior?: string;
}

export interface CheckCommand extends CommonOptions {
  readonly command: 'check';
  readonly format: OutputFormat;
}

export const OPERATION_FLAGS = ['fix', 'rag', 'movement', 'tracker', 'savings-tracker', 'explanations', 'chart', 'report'] as const;
export type OperationFlag = (typeof OPERATION_FLAGS)[number];

export interface ApplyCommand extends CommonOptions {
  readonly command: 'apply';
  readonly out: string;
  readonly operations: readonly OperationFlag[];
  readonly force: boolean;
  /** --chart-by and --chart-on (for --chart). */
  readonly chart?: { readonly per: 'lines' | 'sections'; readonly placement: 'beside' | 'sheet' };
}

export type HelpTopic = 'general' | 'check' | 'apply';
export type ParsedCommand = CheckCommand | ApplyCommand | { readonly command: 'help'; readonly topic: HelpTopic };

const VALUE_OPTIONS = { check: ['format', 'policy', 'prior'], apply: ['out', 'policy', 'prior', 'chart-by', 'chart-on'] } as const;
const BOOLEAN_OPTIONS = { check: [] as string[], apply: [...OPERATION_FLAGS, 'force'] } as const;

export function parseArgs(argv: readonly string[]): ParsedCommand {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(cliMessages.usage.noCommand);
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help', topic: 'general' };
  if (command !== 'check' && command !== 'apply') throw new UsageError(cliMessages.usage.unknownCommand(command));

  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return { command: 'help', topic: command };
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if ((VALUE_OPTIONS[command] as readonly string[]).includes(name)) {
      const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(cliMessages.usage.missingValue(`--${name}`));
      values.set(name, value);
    } else if ((BOOLEAN_OPTIONS[command] as readonly string[]).includes(name) && eq < 0) {
      flags.add(name);
    } else {
      throw new UsageError(cliMessages.usage.unknownOption(arg));
    }
  }
  const [file, extra] = positional;
  if (file === undefined) throw new UsageError(cliMessages.usage.missingFile);
  if (extra !== undefined) throw new UsageError(cliMessages.usage.extraArgument(extra));
  const common = { file, policy: values.get('policy'), prior: values.get('prior') };

  if (command === 'check') {
    const format = values.get('format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(cliMessages.usage.badFormat(format));
    return { command, ...common, format };
  }
  const out = values.get('out');
  if (out === undefined) throw new UsageError(cliMessages.usage.missingOut);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(cliMessages.usage.outNotXlsx(out));
  const operations = OPERATION_FLAGS.filter((f) => flags.has(f));
  if (operations.length === 0) throw new UsageError(cliMessages.usage.nothingToApply);
  const per = values.get('chart-by') ?? 'lines';
  if (per !== 'lines' && per !== 'sections') throw new UsageError(cliMessages.usage.badChoice('--chart-by', per, ['lines', 'sections']));
  const placement = values.get('chart-on') ?? 'beside';
  if (placement !== 'beside' && placement !== 'sheet') throw new UsageError(cliMessages.usage.badChoice('--chart-on', placement, ['beside', 'sheet']));
  return { command, ...common, out, operations, force: flags.has('force'), ...(operations.includes('chart') ? { chart: { per, placement } } : {}) };
}
