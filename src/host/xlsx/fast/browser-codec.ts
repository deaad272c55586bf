/**
 * The fast reader's inflate in the browser and the task pane: the built-in
 * DecompressionStream('deflate-raw') (Chromium/Edge WebView2, Safari 16.4+, Firefox 113+),
 * so no zip library joins the bundle.
 */
import { FastReadUnsupported, type AsyncZipCodec } from './zip';

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') throw new FastReadUnsupported('no DecompressionStream');
  // A copy: the stream may transfer its input, and `data` is a view into the whole file.
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new FastReadUnsupported('damaged deflate data');
  }
}

const decoder = new TextDecoder('utf-8');

export const browserZipCodec: AsyncZipCodec = {
  inflateRaw,
  utf8: (data) => decoder.decode(data),
};
