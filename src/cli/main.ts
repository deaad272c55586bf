/**
 * The command-line checker's entry: `runCli` runs one command against any IO and engine
 * (tests call it in-process); `main` binds it to the process. Every failure a user can
 * cause ends as one line on stderr and exit status 2, never a stack trace.
 */
import { cliMessages } from './messages';
import { WorkbookReadError } from '../host/xlsx/errors';
import { runApply, CommandFailed } from './apply';
import { UsageError, parseArgs } from './args';
import { runCheck } from './check';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './io';
import { realTools, type CliTools } from './tools';

export async function runCli(argv: readonly string[], io: CliIo, tools: CliTools): Promise<number> {
  let file = argv.find((a, i) => i > 0 && !a.startsWith('-')) ?? 'the workbook';
  try {
    const cmd = parseArgs(argv);
    if (cmd.command === 'help') {
      io.stdout(cmd.topic === 'check' ? cliMessages.checkHelp : cmd.topic === 'apply' ? cliMessages.applyHelp : cliMessages.help);
      return EXIT_OK;
    }
    file = cmd.file;
    return cmd.command === 'check' ? await runCheck(cmd, io, tools) : await runApply(cmd, io, tools);
  } catch (err) {
    if (err instanceof UsageError || err instanceof WorkbookReadError || err instanceof CommandFailed) {
      io.stderr(`${err.message}\n`);
    } else {
      // A bug in the tool, not the officer's fault: still one line, naming the file.
      const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      io.stderr(`${cliMessages.internal(file, reason)}\n`);
    }
    return EXIT_UNREADABLE;
  }
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** The process entry used by bin/budget-monitor.js. */
export async function main(argv: readonly string[]): Promise<number> {
  // `budget-monitor check big.xlsx | head`: a reader that stops early is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  return runCli(argv, processIo, realTools());
}
