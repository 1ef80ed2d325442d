/**
 * A small JSON Schema checker for the keywords the handbook's schemas use (no validator
 * library is installed): type, enum, const, pattern, min/maxLength, minimum/maximum,
 * properties, required, additionalProperties, items, min/maxItems, anyOf.
 * Returns the problems as `path: what`; empty when the value is valid.
 */
type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

const KNOWN = new Set([
  '$schema', '$id', 'title', 'description', 'default', 'format', 'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'properties', 'required', 'additionalProperties', 'items',
  'minItems', 'maxItems', 'anyOf',
]);

export function checkJsonSchema(schema: Schema, value: unknown, path = '$'): string[] {
  const unknown = Object.keys(schema).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new Error(`${path}: the test checker does not know ${unknown.join(', ')}`);
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${path}: ${what}`);

  if (typeof schema.type === 'string' && !typeMatches(schema.type, value)) {
    fail(`expected ${schema.type}, got ${typeOf(value)}`);
    return problems;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail(`${JSON.stringify(value)} is not one of the allowed values`);
  if ('const' in schema && schema.const !== value) fail(`expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(`not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail(`not below ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === 'object') value.forEach((item, i) => problems.push(...checkJsonSchema(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) problems.push(...checkJsonSchema(properties[key], item, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`unknown field ${key}`);
    }
  }
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((option) => checkJsonSchema(option as Schema, value, path).length === 0)) {
    fail('matches none of the allowed forms');
  }
  return problems;
}
