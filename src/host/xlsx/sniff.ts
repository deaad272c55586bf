/**
 * Tells what kind of file some bytes are before exceljs sees them, so that an old .xls,
 * an encrypted workbook or a random file gets its own message instead of a zip error.
 */

export type FileKind = 'empty' | 'zip' | 'oldXls' | 'encrypted' | 'other';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Password-protected .xlsx files are OLE compound files (like .xls) holding an
 * "EncryptedPackage" stream; .xls files hold a "Workbook" or "Book" stream instead.
 * Directory entry names are UTF-16LE.
 */
const ENCRYPTED_STREAM = utf16le('EncryptedPackage');

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  // "PK\x03\x04" (a zip with entries) or "PK\x05\x06" (an empty zip).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return contains(bytes, ENCRYPTED_STREAM) ? 'encrypted' : 'oldXls';
  return 'other';
}
