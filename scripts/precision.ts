/**
 * `npm run precision`: every real workbook in ../shared/realdata through `check`, its errors
 * judged against test/realdata/<file>.expect.json. Prints, per file: errors, true, false,
 * the reviewer's defects found and missed, warnings and notes; then the totals. With
 * --false it lists every false error (sheet, cell, rule, message) for review; with
 * --record it writes this run's counts into the expectation files (after reviewing them).
 */
import { measureFile, realdataFiles, recordCounts, totals } from '../test/realdata/precision';

async function main(): Promise<void> {
  const showFalse = process.argv.includes('--false');
  const record = process.argv.includes('--record');
  const files = await realdataFiles();
  const results = [];
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  console.log(`${'file'.padEnd(52)}${pad('errors', 7)}${pad('true', 6)}${pad('false', 6)}${pad('defects', 9)}${pad('missed', 7)}${pad('warn', 6)}${pad('notes', 6)}`);
  for (const file of files) {
    const r = await measureFile(file);
    results.push(r);
    if (record) await recordCounts(r);
    const defects = `${r.defectsFound.length}/${r.defectsFound.length + r.defectsMissed.length}`;
    const flag = r.expectation ? '' : ' (no expectation file)';
    console.log(`${file.padEnd(52)}${pad(r.errors, 7)}${pad(r.trueErrors, 6)}${pad(r.falseErrors.length, 6)}${pad(defects, 9)}${pad(r.defectsMissed.length, 7)}${pad(r.warnings, 6)}${pad(r.infos, 6)}${flag}`);
    if (r.exitCode === 2) console.log(`  could not be read: ${r.stderr.trim()}`);
    for (const d of r.defectsMissed) console.log(`  MISSED ${d.sheet}!${d.cell}: ${d.what}`);
    if (showFalse) for (const f of r.falseErrors) console.log(`  false ${f.sheet}!${f.cell} [${f.rule}] ${f.message}`);
  }
  const t = totals(results);
  console.log(`${'TOTAL'.padEnd(52)}${pad(t.errors, 7)}${pad(t.trueErrors, 6)}${pad(t.falseErrors, 6)}${pad(`${t.defectsFound}/${t.defects}`, 9)}${pad(t.defects - t.defectsFound, 7)}`);
  console.log(`precision (true errors / errors): ${(t.precision * 100).toFixed(1)}%; reviewer's defects reported: ${t.defectsFound} of ${t.defects}`);
  // A few large groups (4,240 copies of one formula) weigh heavily above; by group, each counts once.
  const groups = new Map<string, boolean>();
  for (const r of results) {
    for (const f of r.findings) if (f.severity === 'error' && !f.causedBy) groups.set(`${r.file}|${f.sheet}|${f.rule}`, (groups.get(`${r.file}|${f.sheet}|${f.rule}`) ?? true) && !r.falseErrors.includes(f));
  }
  const trueGroups = [...groups.values()].filter(Boolean).length;
  console.log(`by group (file, sheet, rule): ${trueGroups} of ${groups.size} groups of errors are wholly true (${groups.size ? ((trueGroups / groups.size) * 100).toFixed(1) : '100.0'}%)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
