/**
 * Writes the add-in's icons (assets/icon-16.png, -32, -64, -80: the ribbon's 16, 32 and 80;
 * the manifest's IconUrl 32 and HighResolutionIconUrl 64): a green tile with three rising
 * white bars and a tick line. Plain zlib PNG encoding, so no image tool is needed.
 * Run: node scripts/make-icons.mjs
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const GREEN = [16, 124, 65, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Colour of pixel (x, y) in an n×n icon, in units of the icon's size. */
function pixel(x, y, n) {
  const u = (v) => v * n;
  const r = u(0.16);
  const inside = (px, py) => {
    const cx = Math.min(Math.max(px, r), n - r);
    const cy = Math.min(Math.max(py, r), n - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
  const px = x + 0.5;
  const py = y + 0.5;
  if (!inside(px, py)) return CLEAR;
  const bars = [
    [0.2, 0.36, 0.6],
    [0.42, 0.58, 0.42],
    [0.64, 0.8, 0.24],
  ];
  for (const [x0, x1, top] of bars) if (px >= u(x0) && px < u(x1) && py >= u(top) && py < u(0.82)) return WHITE;
  return GREEN;
}

function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0;
    for (let x = 0; x < n; x++) {
      const [r, g, b, a] = pixel(x, y, n);
      const o = y * (n * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

for (const n of [16, 32, 64, 80]) writeFileSync(path.join(here, '..', 'assets', `icon-${n}.png`), png(n));
console.log('Wrote assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png');
