import type { APIRoute, GetStaticPaths } from 'astro';
import { iconPng, iconSvg, type IconShape } from '../../site/app-icon.ts';
import { site } from '../../site/site.ts';

/** The app icons named in /manifest.webmanifest and the pages' apple-touch-icon, from the accent colour. */
const ICONS: Record<string, { size: number; shape: IconShape } | 'svg'> = {
  '192.png': { size: 192, shape: 'any' },
  '512.png': { size: 512, shape: 'any' },
  'maskable-512.png': { size: 512, shape: 'maskable' },
  // iOS rounds the corners itself.
  'apple-touch-icon.png': { size: 180, shape: 'maskable' },
  'icon.svg': 'svg',
};

export const getStaticPaths = (() => Object.keys(ICONS).map((icon) => ({ params: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const icon = ICONS[params.icon!]!;
  if (icon === 'svg') return new Response(iconSvg(site.accent), { headers: { 'Content-Type': 'image/svg+xml' } });
  return new Response(new Uint8Array(iconPng(site.accent, icon.size, icon.shape)), { headers: { 'Content-Type': 'image/png' } });
};
