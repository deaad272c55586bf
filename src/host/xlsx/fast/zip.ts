/**
 * Just enough of the zip format to read an .xlsx package: the central directory, stored
 * and deflated entries. Anything else (zip64, encryption, other methods) is Unsupported,
 * and the caller falls back to exceljs.
 */
import { inflateRawSync } from 'node:zlib';

export class FastReadUnsupported extends Error {
  override readonly name = 'FastReadUnsupported';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export interface ZipPackage {
  has(name: string): boolean;
  /** The entry's text (UTF-8), or undefined when absent. */
  text(name: string): string | undefined;
}

export function openZip(bytes: Uint8Array): ZipPackage {
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

  const entries = new Map<string, { method: number; size: number; offset: number; flags: number }>();
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
    has: (name) => entries.has(name),
    text: (name) => {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.flags & 1) throw new FastReadUnsupported('encrypted entry');
      const local = entry.offset;
      if (view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new FastReadUnsupported('bad local header');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + entry.size);
      if (data.length !== entry.size) throw new FastReadUnsupported('truncated entry');
      // Buffer's UTF-8 decoding is markedly faster than TextDecoder's on large parts.
      if (entry.method === 0) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
      if (entry.method === 8) return inflateRawSync(data).toString('utf8');
      throw new FastReadUnsupported(`compression method ${entry.method}`);
    },
  };
}
