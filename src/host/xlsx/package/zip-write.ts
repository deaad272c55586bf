/**
 * Writes a package back: every part that did not change is copied byte for byte from the
 * original file (its local header, data and data descriptor as they were), changed and new
 * parts are deflated afresh, removed parts are left out. Browser-safe: deflating is the
 * caller's (zlib in Node, CompressionStream in the browser).
 */
import type { ZipDirectory } from '../fast/zip';

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const UTF8_FLAG = 0x0800;

let CRC_TABLE: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** A part's new content (text is written as UTF-8), or null to leave the part out. */
export type PartContent = string | Uint8Array | null;

interface Piece {
  readonly local: Uint8Array;
  readonly central: Uint8Array;
}

/** DOS date and time of "now", as a new part's timestamp. */
function dosTime(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

async function newPiece(name: string, content: Uint8Array, deflate: Deflate, offset: number): Promise<Piece> {
  const nameBytes = new TextEncoder().encode(name);
  const data = await deflate(content);
  const crc = crc32(content);
  const { time, date } = dosTime();
  const local = new Uint8Array(30 + nameBytes.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, LOCAL_SIGNATURE, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, UTF8_FLAG, true);
  lv.setUint16(8, 8, true);
  lv.setUint16(10, time, true);
  lv.setUint16(12, date, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, content.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(data, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, CENTRAL_SIGNATURE, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, UTF8_FLAG, true);
  cv.setUint16(10, 8, true);
  cv.setUint16(12, time, true);
  cv.setUint16(14, date, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, content.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return { local, central };
}

/**
 * The package with `changes` (by part name, no leading `/`) applied: a changed part keeps
 * its place, new parts follow the original ones in the order given.
 */
export async function rewritePackage(bytes: Uint8Array, directory: ZipDirectory, changes: ReadonlyMap<string, PartContent>, deflate: Deflate): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const asBytes = (c: string | Uint8Array) => (typeof c === 'string' ? encoder.encode(c) : c);
  // Where each original entry's local record ends: the next one's start, or the central directory.
  const starts = [...new Set([...directory.entries.values()].map((e) => e.offset))].sort((a, b) => a - b);
  const endOf = (offset: number) => {
    const i = starts.indexOf(offset);
    return i + 1 < starts.length ? starts[i + 1]! : directory.centralStart;
  };

  const pieces: Piece[] = [];
  let offset = 0;
  const push = (piece: Piece) => {
    pieces.push(piece);
    offset += piece.local.length;
  };
  for (const [name, entry] of directory.entries) {
    if (changes.has(name)) {
      const content = changes.get(name);
      if (content !== null && content !== undefined) push(await newPiece(entry.storedName, asBytes(content), deflate, offset));
      continue;
    }
    const local = bytes.subarray(entry.offset, endOf(entry.offset));
    // A copy (a Node Buffer's slice would be a view into the file), with its new offset.
    const central = new Uint8Array(entry.centralLength);
    central.set(bytes.subarray(entry.central, entry.central + entry.centralLength));
    new DataView(central.buffer).setUint32(42, offset, true);
    push({ local, central });
  }
  for (const [name, content] of changes) {
    if (directory.entries.has(name) || content === null) continue;
    push(await newPiece(name, asBytes(content), deflate, offset));
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const commentLength = view.getUint16(directory.eocd + 20, true);
  const centralSize = pieces.reduce((n, p) => n + p.central.length, 0);
  const out = new Uint8Array(offset + centralSize + 22 + commentLength);
  let at = 0;
  for (const p of pieces) {
    out.set(p.local, at);
    at += p.local.length;
  }
  for (const p of pieces) {
    out.set(p.central, at);
    at += p.central.length;
  }
  const ev = new DataView(out.buffer);
  ev.setUint32(at, EOCD_SIGNATURE, true);
  ev.setUint16(at + 8, pieces.length, true);
  ev.setUint16(at + 10, pieces.length, true);
  ev.setUint32(at + 12, centralSize, true);
  ev.setUint32(at + 16, offset, true);
  ev.setUint16(at + 20, commentLength, true);
  out.set(bytes.subarray(directory.eocd + 22, directory.eocd + 22 + commentLength), at + 22);
  return out;
}
