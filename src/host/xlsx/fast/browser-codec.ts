/**
 * The fast reader's inflate in the browser and the task pane: the built-in
 * DecompressionStream('deflate-raw') (Chromium/Edge WebView2, Safari 16.4+, Firefox 113+),
 * so no zip library joins the bundle. The output is read chunk by chunk and abandoned as
 * soon as it passes the part's declared size, so a zip bomb never fills memory.
 */
import { FastReadUnsupported, ZipTooLarge, type AsyncZipCodec } from './zip';

async function inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') throw new FastReadUnsupported('no DecompressionStream');
  // A copy: the stream may transfer its input, and `data` is a view into the whole file.
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > limit) {
        void reader.cancel().catch(() => undefined);
        throw new ZipTooLarge(length, false);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof ZipTooLarge) throw err;
    throw new FastReadUnsupported('damaged deflate data');
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const decoder = new TextDecoder('utf-8');

export const browserZipCodec: AsyncZipCodec & { deflateRaw(data: Uint8Array): Promise<Uint8Array> } = {
  inflateRaw,
  deflateRaw,
  utf8: (data) => decoder.decode(data),
};
