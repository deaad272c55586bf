/** The fast reader's inflate and UTF-8 decoding in Node (the CLI and tests). */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { FastReadUnsupported, ZipTooLarge, type ZipCodec } from './zip';

export const nodeZipCodec: ZipCodec = {
  inflateRaw: (data, limit) => {
    try {
      // One byte past the limit, so that a part larger than it declares is caught, not cut short.
      return inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new ZipTooLarge(limit + 1, false);
      throw new FastReadUnsupported('damaged deflate data');
    }
  },
  // Buffer's UTF-8 decoding is markedly faster than TextDecoder's on large parts.
  utf8: (data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'),
};

/** The same, able to deflate: for writing a package back (patch.ts). */
export const nodePackageCodec = { ...nodeZipCodec, deflateRaw: (data: Uint8Array) => deflateRawSync(data) };
