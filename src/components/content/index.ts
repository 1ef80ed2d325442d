import Cite from './Cite.astro';
import Interpretation from './Interpretation.astro';
import Unstated from './Unstated.astro';

/** The components content bodies use without importing them (see `CONTENT_COMPONENTS`). */
export const contentComponents = { Cite, Unstated, Interpretation };
