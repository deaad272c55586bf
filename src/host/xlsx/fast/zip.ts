/**
 * Just enough of the zip format to read an .xlsx package: the central directory, stored
 * and deflated entries. Anything else (zip64, encryption, other methods) is Unsupported,
 * and the caller falls back to exceljs (the CLI) or tells the officer (the task pane).
 * Inflating is the host's: Node's zlib (node-codec.ts), or the browser's DecompressionStream
 * (browser-codec.ts), which is asynchronous, so openZipAsync inflates the parts up front.
 */

export class FastReadUnsupported extends Error {
  override readonly name = 'FastReadUnsupported';
}

/** Raw deflate and UTF-8 decoding, synchronous (Node). */
export interface ZipCodec {
  inflateRaw(data: Uint8Array): Uint8Array;
  utf8(data: Uint8Array): string;
}

/** The same, with an asynchronous inflate (the browser's streams). */
export interface AsyncZipCodec {
  inflateRaw(data: Uint8Array): Promise<Uint8Array>;
  utf8(data: Uint8Array): string;
}

export interface ZipPackage {
  has(name: string): boolean;
  /** The entry's text (UTF-8), or undefined when absent. */
  text(name: string): string | undefined;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface EntryHeader {
  readonly method: number;
  readonly size: number;
  readonly offset: number;
  readonly flags: number;
}

/** The package's directory, and each entry's still-compressed bytes on demand. */
interface ZipDirectory {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's stored bytes and compression method, or undefined when absent. */
  raw(name: string): { method: number; data: Uint8Array } | undefined;
}

function readDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FastReadUnsupported('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new FastReadUnsupported('zip64');

  const entries = new Map<string, EntryHeader>();
  const utf8 = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new FastReadUnsupported('bad central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/^\//, ''), { method, size, offset, flags });
    at += 46 + nameLength + extraLength + commentLength;
  }

  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    raw: (name) => {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.flags & 1) throw new FastReadUnsupported('encrypted entry');
      const local = entry.offset;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new FastReadUnsupported('bad local header');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + entry.size);
      if (data.length !== entry.size) throw new FastReadUnsupported('truncated entry');
      if (entry.method !== STORED && entry.method !== DEFLATED) throw new FastReadUnsupported(`compression method ${entry.method}`);
      return { method: entry.method, data };
    },
  };
}

/** Opens the package; each part is inflated when it is asked for. */
export function openZip(bytes: Uint8Array, codec: ZipCodec): ZipPackage {
  const directory = readDirectory(bytes);
  return {
    has: directory.has,
    text: (name) => {
      const raw = directory.raw(name);
      if (!raw) return undefined;
      return codec.utf8(raw.method === DEFLATED ? codec.inflateRaw(raw.data) : raw.data);
    },
  };
}

/** The parts a workbook's cells can come from: XML and relationships, not images or binaries. */
const TEXT_PART = /\.(xml|rels)$/i;

/** Opens the package with an asynchronous inflate: every XML part is inflated before it is read. */
export async function openZipAsync(bytes: Uint8Array, codec: AsyncZipCodec): Promise<ZipPackage> {
  const directory = readDirectory(bytes);
  const texts = new Map<string, string>();
  await Promise.all(
    directory.names.filter((name) => TEXT_PART.test(name)).map(async (name) => {
      const raw = directory.raw(name);
      if (!raw) return;
      texts.set(name, codec.utf8(raw.method === DEFLATED ? await codec.inflateRaw(raw.data) : raw.data));
    }),
  );
  return { has: directory.has, text: (name) => texts.get(name) };
}
