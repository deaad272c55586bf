/** `--policy policy.json`: reads the file and hands its JSON to the engine's policy parser. */
import { promises as fs } from 'node:fs';
import { cliMessages } from './messages';
import { DEFAULT_RAG_POLICY, parseRagPolicy, type RagPolicy } from '../engine';
import { UsageError } from './args';

export async function loadPolicyFile(file: string | undefined): Promise<RagPolicy> {
  if (file === undefined) return DEFAULT_RAG_POLICY;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(cliMessages.policy.unreadable(file));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(cliMessages.policy.notJson(file, err instanceof Error ? err.message.split('\n')[0]! : 'parse error'));
  }
  const parsed = parseRagPolicy(json);
  if (!parsed.ok) throw new UsageError(cliMessages.policy.invalid(file, parsed.problems.join(' ')));
  return parsed.policy;
}
