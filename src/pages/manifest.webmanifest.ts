import type { APIRoute } from 'astro';
import { accentHex } from '../site/app-icon.ts';
import { site } from '../site/site.ts';
import { href } from '../site/url.ts';

/**
 * The web app manifest: the handbook can be added to a phone's home screen, with its name and
 * icons from handbook.config.ts (title, accent). It opens on the home page, within the base.
 */
export const GET: APIRoute = () => {
  const manifest = {
    id: href('/'),
    name: site.title,
    // Under a home-screen icon: the title if short enough.
    short_name: [...site.title].slice(0, 12).join(''),
    description: site.description,
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: href('/'),
    scope: href('/'),
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: accentHex(site.accent),
    icons: [
      { src: href('/icons/192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: href('/icons/512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: href('/icons/maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: href('/icons/icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};
