/**
 * Zip bombs: a small file whose parts unpack to gigabytes is refused before
 * it is inflated, with a plain message naming the file, by every reader (the CLI's check
 * and apply, the workbench's Open, the task pane's fast reader). The bombs are built here,
 * in memory: 64 MB of zeros deflates to about 64 KB.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/host/xlsx/package/zip-write';
import { WorkbookReadError } from '../../../src/host/xlsx/errors';
import { readWorkbookFastInBrowser } from '../../../src/host/xlsx/fast/read-fast-browser';
import { readWorkbookBytesAsFile } from '../../../src/host/xlsx/read-bytes';
import { loadExcelJsFile, readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { simulatedExcelFromXlsx } from '../../../src/host/simulated/xlsx';

interface Entry {
  name: string;
  data: Uint8Array;
  /** Compressed with deflate (8) or stored (0). */
  method: number;
  /** What the directory says it unpacks to. */
  declared: number;
  crc: number;
}

function zip(entries: readonly Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

function stored(name: string, text: string): Entry {
  const data = Buffer.from(text);
  return { name, data, method: 0, declared: data.length, crc: crc32(data) };
}

const ZEROS = 64 * 1024 * 1024;
const zeros = deflateRawSync(Buffer.alloc(ZEROS), { level: 9 });

/** A package shaped like a workbook, its sheet part the bomb. */
function workbookWith(sheets: readonly Entry[]): Uint8Array {
  const overrides = sheets.map((s) => `<Override PartName="/${s.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return zip([
    stored('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`),
    stored('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    stored('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((_s, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.name.slice(3)}"/>`).join('')}</Relationships>`),
    ...sheets,
  ]);
}

/** Seventeen parts declaring 64 MB each: more than 1 GB unpacked, from about a megabyte. */
const declaredBomb = () => workbookWith(Array.from({ length: 17 }, (_x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: zeros, method: 8, declared: ZEROS, crc: 0 })));
/** One part declaring 1,000 bytes that inflates to 64 MB. */
const lyingBomb = () => workbookWith([{ name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, declared: 1000, crc: 0 }]);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-bomb-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<WorkbookReadError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  const message = (err as Error).message;
  expect(message).not.toMatch(/Bug|mismatch|ERR_|RangeError|Corrupted zip/);
  return err as WorkbookReadError;
}

describe('a package that unpacks to more than it should', () => {
  it('declared sizes past the bound: refused before anything is inflated, the message naming the file', async () => {
    const bytes = declaredBomb();
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const file = path.join(dir, 'declared.xlsx');
    await fs.writeFile(file, bytes);
    const expected = `${file} unpacks to more than 1024 MB, more than this tool will open; it is either damaged or not a real workbook. Open it in Excel and save it again, then retry.`;
    expect((await refusal(readWorkbookFile(file))).message).toBe(expected);
    expect((await refusal(loadExcelJsFile(file))).message).toBe(expected);
    const named = expected.replace(file, 'declared.xlsx');
    expect((await refusal(readWorkbookBytesAsFile(bytes, 'declared.xlsx'))).message).toBe(named);
    expect((await refusal(readWorkbookFastInBrowser(bytes, 'declared.xlsx'))).message).toBe(named);
    expect((await refusal(simulatedExcelFromXlsx(bytes, 'declared.xlsx'))).message).toBe(named);
  }, 60_000);

  it('a part inflating past its declared size: inflating stops there, and the file is reported damaged', async () => {
    const bytes = lyingBomb();
    const file = path.join(dir, 'lying.xlsx');
    await fs.writeFile(file, bytes);
    const expected = `${file} could not be read as a workbook: a part inside it unpacks to more than the file records (it is damaged, or built to exhaust memory). Open it in Excel and save it again, then retry.`;
    const heap = process.memoryUsage().arrayBuffers;
    expect((await refusal(readWorkbookFile(file))).message).toBe(expected);
    // Never handed to exceljs, whose zip reader would inflate all 64 MB and say "Bug : uncompressed data size mismatch".
    expect((await refusal(loadExcelJsFile(file))).message).toBe(expected);
    const named = expected.replace(file, 'lying.xlsx');
    expect((await refusal(readWorkbookBytesAsFile(bytes, 'lying.xlsx'))).message).toBe(named);
    expect((await refusal(readWorkbookFastInBrowser(bytes, 'lying.xlsx'))).message).toBe(named);
    expect((await refusal(simulatedExcelFromXlsx(bytes, 'lying.xlsx'))).message).toBe(named);
    // Inflating stopped at the declared size: nowhere near the 64 MB the part holds was kept.
    expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(32 * 1024 * 1024);
  }, 60_000);
});
