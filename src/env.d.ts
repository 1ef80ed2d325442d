/// <reference types="astro/client" />

// Astro's language tools type .astro files; plain `tsc` (our typecheck) needs to know they exist.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
