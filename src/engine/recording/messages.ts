/**
 * Failures in plain words for parse.ts: where a text stops being JSON (JSON.parse says where
 * only for some errors), and a zod issue as "<JSON path>: expected …, got …".
 */
import type { z } from 'zod';

type Path = readonly PropertyKey[];
const NAN_HINT = ' (NaN and Infinity are not JSON; the recorder writes null)';

// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const TOKEN = /-?[A-Za-z]+|\S/y;

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  return i;
}

function scalarEnd(text: string, i: number): number {
  const pattern = text[i] === '"' ? STRING : SCALAR;
  pattern.lastIndex = i;
  if (pattern.test(text)) return pattern.lastIndex;
  // An unclosed string is a cut-off file, not a bad character.
  return text[i] === '"' && !text.includes('"', i + 1) ? text.length : -1;
}

/** Index of the first character that breaks JSON syntax (text.length: it ends too early). */
function syntaxErrorAt(text: string): number {
  const closers: string[] = [];
  let want: 'value' | 'key' | 'colon' | 'next' = 'value';
  for (let i = skipSpace(text, 0); ; i = skipSpace(text, i)) {
    if (i >= text.length) return i;
    const c = text[i];
    const closer = closers[closers.length - 1];
    if (want === 'next') {
      if (closer === undefined || (c !== ',' && c !== closer)) return i;
      if (c === closer) closers.pop();
      else want = closer === '}' ? 'key' : 'value';
      i++;
    } else if (want === 'colon') {
      if (c !== ':') return i;
      want = 'value';
      i++;
    } else if (want === 'value' && (c === '{' || c === '[')) {
      closers.push(c === '{' ? '}' : ']');
      want = c === '{' ? 'key' : 'value';
      i = skipSpace(text, i + 1);
      if (text[i] === closers[closers.length - 1]) {
        closers.pop();
        want = 'next';
        i++;
      }
    } else {
      if (want === 'key' && c !== '"') return i;
      const end = scalarEnd(text, i);
      if (end < 0 || end >= text.length) return end < 0 ? i : text.length;
      want = want === 'key' ? 'colon' : 'next';
      i = end;
    }
  }
}

/** "unexpected token NaN at column 7 (…)" or "the text ends too early", for text that failed. */
export function syntaxProblem(text: string, where: (index: number) => string): string {
  const at = syntaxErrorAt(text);
  if (at >= text.length) return `the text ends too early, ${where(text.length)}`;
  TOKEN.lastIndex = at;
  const token = TOKEN.exec(text)?.[0] ?? text[at];
  const hint = /^-?(NaN|Infinity)$/.test(token) ? NAN_HINT : '';
  return `unexpected token ${token} ${where(at)}${hint}`;
}

export function lineAndColumn(text: string, index: number): string {
  let line = 1;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    line++;
    start = nl + 1;
  }
  return `at line ${line}, column ${index - start + 1}`;
}

const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | null)?.[key], value);

export function pathText(path: Path): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_]\w*$/.test(String(key))) text += `${text ? '.' : ''}${String(key)}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || 'the recording';
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return value.length > 30 ? 'a string' : `a string (${JSON.stringify(value)})`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  boolean: 'true or false',
};

/** Would the spot accept null? zod names only the inner type of a nullable one, so try it. */
function takesNull(schema: z.ZodType, root: unknown, path: Path): boolean {
  const copy = structuredClone(root) as Record<PropertyKey, unknown>;
  const parent = at(copy, path.slice(0, -1)) as Record<PropertyKey, unknown>;
  parent[path[path.length - 1]] = null;
  const issues = schema.safeParse(copy).error?.issues ?? [];
  return !issues.some((issue) => pathText(issue.path) === pathText(path));
}

/** The first schema issue in plain words; `root` was validated by `schema` at `prefix`. */
export function issueText(issue: z.core.$ZodIssue, schema: z.ZodType, root: unknown, prefix: Path) {
  const path = [...prefix, ...issue.path];
  const where = pathText(path);
  const value = at(root, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined && path.length > 0)
        return `${pathText(path.slice(0, -1))}: the field "${String(path[path.length - 1])}" is missing`;
      const orNull = value !== null && issue.path.length > 0 && takesNull(schema, root, issue.path);
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return `${where}: expected ${expected}${orNull ? ' or null' : ''}, got ${describe(value)}`;
    }
    case 'too_small':
    case 'too_big': {
      const [bound, limit] =
        issue.code === 'too_small' ? ['at least', issue.minimum] : ['at most', issue.maximum];
      if (issue.origin === 'array')
        return `${where}: ${(value as []).length} items, ${bound} ${limit}`;
      if (issue.origin === 'string')
        return `${where}: ${(value as string).length} characters, ${bound} ${limit}`;
      return `${where}: ${describe(value)}, must be ${bound} ${limit}`;
    }
    case 'invalid_value':
      return `${where}: ${describe(value)}, expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `${where}: unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return `${where}: ${issue.message}`;
  }
}
