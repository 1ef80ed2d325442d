/** Written where a source gives no value (a date, a province, a form). */
export const UNKNOWN = '不详';
/** The key of an unknown value, in URLs, filters and open data. */
export const UNKNOWN_KEY = 'unknown';
