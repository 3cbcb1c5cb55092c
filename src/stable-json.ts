/**
 * Serialises a JSON value with object keys sorted by code unit at every level, so equal data always
 * gives equal text (and equal hashes) whatever order a tool wrote the keys in. Lenient, for hashing
 * and comparing user data: `undefined` members are left out and values JSON cannot hold are written
 * as `JSON.stringify` writes them (`null`). The report's signed payload uses the strict
 * `canonicalJson` of src/report/statement.ts instead, which refuses such values.
 *
 * @example stableJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => stableJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
