import { cssToRgb, rgbToHex, type Rgb } from './colour.ts';
import { DEFAULT_ACCENT } from '../schemas/site-config.ts';
import { encodePng } from './png.ts';

/**
 * The handbook's app icon, from handbook.config.ts's accent colour: an open book on the accent,
 * as SVG and as PNG (drawn here, no image library). `any` icons have rounded corners;
 * `maskable` ones fill the square, the book inside the safe circle a phone's mask keeps.
 */

/** The icon is drawn on a 512 × 512 grid. */
const GRID = 512;
const CORNER = 96;
/** The two pages of the book, as quadrilaterals (clockwise). */
const PAGES: [number, number][][] = [
  [[104, 168], [246, 196], [246, 372], [104, 344]],
  [[266, 196], [408, 168], [408, 344], [266, 372]],
];

export type IconShape = 'any' | 'maskable';

/** The accent as sRGB bytes, and the colour of the book on it (white, or near black on a light accent). */
function colours(accent: string): { background: Rgb; book: Rgb } {
  const background = cssToRgb(accent) ?? cssToRgb(DEFAULT_ACCENT)!;
  const linear = background.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  return { background, book: luminance > 0.4 ? [29, 29, 31] : [255, 255, 255] };
}

/** The accent as #rrggbb (the manifest's theme colour). */
export function accentHex(accent: string): string {
  return rgbToHex(colours(accent).background);
}

export function iconSvg(accent: string, shape: IconShape = 'any'): string {
  const { background, book } = colours(accent);
  const path = PAGES.map((page) => `M${page.map(([x, y]) => `${x} ${y}`).join('L')}Z`).join('');
  const rx = shape === 'any' ? ` rx="${CORNER}"` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${GRID} ${GRID}"><rect width="${GRID}" height="${GRID}"${rx} fill="${rgbToHex(background)}"/><path fill="${rgbToHex(book)}" d="${path}"/></svg>\n`;
}

function inQuad(x: number, y: number, quad: [number, number][]): boolean {
  for (let i = 0; i < quad.length; i++) {
    const [ax, ay] = quad[i]!;
    const [bx, by] = quad[(i + 1) % quad.length]!;
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) return false;
  }
  return true;
}

/** The pages' bounding box: a sample outside it is on the background (a quick answer for most samples). */
const BOOK = {
  left: Math.min(...PAGES.flat().map(([x]) => x)),
  right: Math.max(...PAGES.flat().map(([x]) => x)),
  top: Math.min(...PAGES.flat().map(([, y]) => y)),
  bottom: Math.max(...PAGES.flat().map(([, y]) => y)),
};

function inRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, CORNER), GRID - CORNER);
  const cy = Math.min(Math.max(y, CORNER), GRID - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/** The icon as a PNG of `size` pixels square, edges smoothed by 4 × 4 samples a pixel. */
export function iconPng(accent: string, size: number, shape: IconShape = 'any'): Buffer {
  const { background, book } = colours(accent);
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let ground = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        const y = ((py + (sy + 0.5) / samples) * GRID) / size;
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * GRID) / size;
          if (shape === 'any' && !inRoundedSquare(x, y)) continue;
          ground++;
          if (x < BOOK.left || x > BOOK.right || y < BOOK.top || y > BOOK.bottom) continue;
          if (inQuad(x, y, PAGES[0]!) || inQuad(x, y, PAGES[1]!)) mark++;
        }
      }
      const at = (py * size + px) * 4;
      if (ground === 0) continue;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round((background[c]! * (ground - mark) + book[c]! * mark) / ground);
      pixels[at + 3] = Math.round((255 * ground) / (samples * samples));
    }
  }
  return encodePng(size, size, pixels);
}
