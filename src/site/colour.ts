/**
 * CSS colours as sRGB bytes, for what cannot take a CSS colour: the PNG icons of the web app
 * manifest (src/site/app-icon.ts). Reads every form handbook.config.ts accepts for `accent`
 * (src/schemas/site-config.ts): hex, rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch() and the
 * named colours. Colours outside sRGB are clipped.
 */

export type Rgb = [r: number, g: number, b: number];

/** CSS Color Module Level 4 named colours. */
const NAMED = new Map(
  `
  aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4
  black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887
  cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc
  crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9
  darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00
  darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b
  darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493
  deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0
  forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080
  green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082
  ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd
  lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3
  lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa
  lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0
  lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa
  mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee
  mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa
  mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23
  orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee
  palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6
  purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513
  salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0 skyblue:87ceeb
  slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c
  teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff
  whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32
`
    .trim()
    .split(/\s+/)
    .map((entry) => entry.split(':') as [string, string]),
);

const clamp = (value: number, min = 0, max = 1) => Math.min(max, Math.max(min, value));
const byte = (unit: number) => Math.round(clamp(unit) * 255);

/** sRGB transfer function: linear light → encoded. */
const encode = (linear: number) => (linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055);

function fromLinear(r: number, g: number, b: number): Rgb {
  return [byte(encode(r)), byte(encode(g)), byte(encode(b))];
}

/** A number, a percentage (of `full`), or `none` (0). */
function amount(text: string, full: number): number {
  if (text === 'none') return 0;
  return text.endsWith('%') ? (parseFloat(text) / 100) * full : parseFloat(text);
}

/** An angle in degrees: deg (default), grad, rad, turn. */
function hue(text: string): number {
  if (text === 'none') return 0;
  const value = parseFloat(text);
  if (text.endsWith('grad')) return value * 0.9;
  if (text.endsWith('rad')) return (value * 180) / Math.PI;
  if (text.endsWith('turn')) return value * 360;
  return value;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

function labToRgb(l: number, a: number, b: number): Rgb {
  // CIE Lab (D50) → XYZ D50 → XYZ D65 (Bradford) → linear sRGB.
  const e = 216 / 24389;
  const k = 24389 / 27;
  const fy = (l + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const x = (fx ** 3 > e ? fx ** 3 : (116 * fx - 16) / k) * 0.3457 / 0.3585;
  const y = l > k * e ? fy ** 3 : l / k;
  const z = (fz ** 3 > e ? fz ** 3 : (116 * fz - 16) / k) * (1 - 0.3457 - 0.3585) / 0.3585;
  const X = 0.9554734527042182 * x - 0.023098536874261423 * y + 0.0632593086610217 * z;
  const Y = -0.028369706963208136 * x + 1.0099954580058226 * y + 0.021041398966943008 * z;
  const Z = 0.012314001688319899 * x - 0.020507696433477912 * y + 1.3303659366080753 * z;
  return fromLinear(
    3.2409699419045226 * X - 1.537383177570094 * Y - 0.4986107602930034 * Z,
    -0.9692436362808796 * X + 1.8759675015077202 * Y + 0.04155505740717559 * Z,
    0.05563007969699366 * X - 0.20397695888897652 * Y + 1.0569715142428786 * Z,
  );
}

function oklabToRgb(l: number, a: number, b: number): Rgb {
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return fromLinear(
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  );
}

/** A CSS colour as sRGB bytes (alpha ignored); undefined if it is not one this reads. */
export function cssToRgb(colour: string): Rgb | undefined {
  const text = colour.trim().toLowerCase();
  const named = NAMED.get(text);
  const hex = named ?? (/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1]);
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const fn = /^([a-z]+)\(([^)]*)\)$/.exec(text);
  if (!fn) return undefined;
  const [, name, inner] = fn as unknown as [string, string, string];
  const args = inner.split('/')[0]!.trim().split(/[\s,]+/).filter(Boolean);
  if (args.length < 3) return undefined;
  const [p, q, r] = args as [string, string, string];
  switch (name) {
    case 'rgb':
    case 'rgba':
      return [p, q, r].map((v) => Math.round(clamp(amount(v, 255), 0, 255))) as Rgb;
    case 'hsl':
    case 'hsla':
      return hslToRgb(hue(p), clamp(amount(q, 100) / 100), clamp(amount(r, 100) / 100)).map(byte) as Rgb;
    case 'hwb': {
      const white = clamp(amount(q, 100) / 100);
      const black = clamp(amount(r, 100) / 100);
      if (white + black >= 1) {
        const grey = white / (white + black);
        return [byte(grey), byte(grey), byte(grey)];
      }
      return hslToRgb(hue(p), 1, 0.5).map((c) => byte(c * (1 - white - black) + white)) as Rgb;
    }
    case 'lab':
      return labToRgb(amount(p, 100), amount(q, 125), amount(r, 125));
    case 'lch': {
      const h = (hue(r) * Math.PI) / 180;
      const c = amount(q, 150);
      return labToRgb(amount(p, 100), c * Math.cos(h), c * Math.sin(h));
    }
    case 'oklab':
      return oklabToRgb(amount(p, 1), amount(q, 0.4), amount(r, 0.4));
    case 'oklch': {
      const h = (hue(r) * Math.PI) / 180;
      const c = amount(q, 0.4);
      return oklabToRgb(amount(p, 1), c * Math.cos(h), c * Math.sin(h));
    }
    default:
      return undefined;
  }
}

/** #rrggbb. */
export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
