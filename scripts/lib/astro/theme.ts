/**
 * The handbook's accent colour (handbook.config.ts) as CSS, bundled into the site's stylesheet:
 * no inline style, so the content security policy needs no exception. Dark mode mixes the
 * accent with white so that it stays readable on a dark background.
 */
export function themeCss(accent: string): string {
  return [
    '@layer tokens {',
    `  :root { --yh-accent: ${accent}; --yh-accent-soft: color-mix(in oklab, ${accent} 8%, white); }`,
    '  @media (prefers-color-scheme: dark) {',
    `    :root { --yh-accent: color-mix(in oklab, ${accent} 45%, white); --yh-accent-soft: color-mix(in oklab, ${accent} 25%, #151618); }`,
    '  }',
    '}',
  ].join('\n');
}
