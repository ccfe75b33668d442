/**
 * Draws the extension icon (a red rounded square crossed by a white line: the red line) as PNGs in
 * public/icon/<size>.png, which WXT puts in the manifest. No image library: 4×4 supersampling into
 * RGBA, then a minimal PNG encoder. Run: node --import tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [207, 34, 46];
const WHITE = [255, 255, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The shape in unit coordinates: 0 outside, 1 red square, 2 white line. */
function shape(u: number, v: number): 0 | 1 | 2 {
  const r = 0.2;
  const m = 0.04;
  const cx = Math.min(Math.max(u, m + r), 1 - m - r);
  const cy = Math.min(Math.max(v, m + r), 1 - m - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return 0;
  if (v > 0.43 && v < 0.57 && u > 0.16 && u < 0.84) return 2;
  return 1;
}

for (const size of [16, 32, 48, 128]) {
  const S = 4;
  const data = png(size, (x, y) => {
    let red = 0;
    let white = 0;
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const s = shape((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
        if (s === 1) red++;
        if (s === 2) white++;
      }
    const cover = red + white;
    if (!cover) return [0, 0, 0, 0];
    const mix = (k: number) => Math.round((RED[k]! * red + WHITE[k]! * white) / cover);
    return [mix(0), mix(1), mix(2), Math.round((255 * cover) / (S * S))];
  });
  writeFileSync(`public/icon/${size}.png`, data);
}
