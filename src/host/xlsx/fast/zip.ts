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

/**
 * A package that unpacks to more than this tool will hold, or a part that inflates to more
 * than its directory says (a "zip bomb"). Not FastReadUnsupported: no other reader may be
 * tried on it, since exceljs's would inflate it all before noticing.
 */
export class ZipTooLarge extends Error {
  override readonly name = 'ZipTooLarge';
  constructor(readonly unpackedBytes: number, readonly declared: boolean) {
    super(declared ? `the package declares ${unpackedBytes} bytes unpacked` : 'a part inflates to more than its recorded size');
  }
}

/** The most a whole package may unpack to, and one part (a JavaScript string holds at most about 512 MB). */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
export const MAX_PART_BYTES = 400 * 1024 * 1024;

/**
 * Raw deflate and UTF-8 decoding, synchronous (Node). `limit` is the most the part may
 * inflate to: past it inflating stops (memory stays bounded) and ZipTooLarge is thrown.
 */
export interface ZipCodec {
  inflateRaw(data: Uint8Array, limit: number): Uint8Array;
  utf8(data: Uint8Array): string;
}

/** The same, with an asynchronous inflate (the browser's streams). */
export interface AsyncZipCodec {
  inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array>;
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

export interface EntryHeader {
  /** The name as stored (a leading `/` kept); the directory's keys drop it. */
  readonly storedName: string;
  readonly method: number;
  /** Compressed size. */
  readonly size: number;
  /** Uncompressed size, as the directory declares it. */
  readonly unpacked: number;
  readonly offset: number;
  readonly flags: number;
  /** Where the entry's central directory record starts, and its length. */
  readonly central: number;
  readonly centralLength: number;
}

/** The package's directory, and each entry's still-compressed bytes on demand. */
export interface ZipDirectory {
  readonly names: readonly string[];
  readonly entries: ReadonlyMap<string, EntryHeader>;
  /** Where the central directory starts, and the end record (with the archive comment). */
  readonly centralStart: number;
  readonly eocd: number;
  has(name: string): boolean;
  /** The entry's stored bytes and compression method, or undefined when absent. */
  raw(name: string): { method: number; data: Uint8Array; unpacked: number } | undefined;
}

/**
 * The sizes the package's directory declares, checked before anything is inflated: a part
 * or a whole past the bounds throws ZipTooLarge. Throws FastReadUnsupported when there is
 * no directory to read (the caller's other checks word that).
 */
export function checkDeclaredSizes(bytes: Uint8Array): void {
  readDirectory(bytes);
}

export function readDirectory(bytes: Uint8Array): ZipDirectory {
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
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new FastReadUnsupported('bad central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (unpacked === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new FastReadUnsupported('zip64');
    const centralLength = 46 + nameLength + extraLength + commentLength;
    entries.set(name.replace(/^\//, ''), { storedName: name, method, size, unpacked, offset, flags, central: at, centralLength });
    total += unpacked;
    if (unpacked > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES) throw new ZipTooLarge(total, true);
    at += centralLength;
  }

  return {
    names: [...entries.keys()],
    entries,
    centralStart: view.getUint32(eocd + 16, true),
    eocd,
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
      return { method: entry.method, data, unpacked: entry.unpacked };
    },
  };
}

/** The entry's bytes, inflated no further than its declared size (anything more is ZipTooLarge). */
function checkedLength(out: Uint8Array, unpacked: number): Uint8Array {
  if (out.length > unpacked) throw new ZipTooLarge(out.length, false);
  return out;
}

/** Opens the package; each part is inflated when it is asked for. */
export function openZip(bytes: Uint8Array, codec: ZipCodec): ZipPackage {
  const directory = readDirectory(bytes);
  return {
    has: directory.has,
    text: (name) => {
      const raw = directory.raw(name);
      if (!raw) return undefined;
      return codec.utf8(raw.method === DEFLATED ? checkedLength(codec.inflateRaw(raw.data, raw.unpacked), raw.unpacked) : raw.data);
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
      texts.set(name, codec.utf8(raw.method === DEFLATED ? checkedLength(await codec.inflateRaw(raw.data, raw.unpacked), raw.unpacked) : raw.data));
    }),
  );
  return { has: directory.has, text: (name) => texts.get(name) };
}
