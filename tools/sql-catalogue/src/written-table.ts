/**
 * The table one SQL statement writes, read from its text. It only needs to understand what
 * Kysely compiles for SQLite: double-quoted identifiers, `insert into "x"` (with `or replace`
 * and the like, `on conflict ... do update`, `... select`), `replace into "x"`, `update "x"`,
 * `delete from "x"`, each possibly behind a `with "c" as (...)` clause. SQLite allows no write
 * inside a common table expression, so the target is always the first word after that clause.
 */
export function writtenTable(sql: string): string | undefined {
  const statement = skipWithClause(withoutLiteralsAndComments(sql).trim());
  const target = WRITE_TARGETS.map((pattern) => pattern.exec(statement)).find((match) => match !== null);
  return target ? unquote(target[1] as string) : undefined;
}

/** An identifier as SQLite accepts it, optionally schema-qualified: `"x"`, `x`, `"main"."x"`. */
const NAME = String.raw`(?:(?:"(?:[^"]|"")+"|[A-Za-z_]\w*)\s*\.\s*)?("(?:[^"]|"")+"|[A-Za-z_]\w*)`;
const CONFLICT = String.raw`(?:\s+or\s+(?:replace|ignore|abort|fail|rollback))?`;

const WRITE_TARGETS: readonly RegExp[] = [
  new RegExp(String.raw`^(?:insert${CONFLICT}|replace)\s+into\s+${NAME}`, 'i'),
  new RegExp(String.raw`^update${CONFLICT}\s+${NAME}`, 'i'),
  new RegExp(String.raw`^delete\s+from\s+${NAME}`, 'i'),
];

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

/** String literals may hold any word; comments too. Neither can name the target. */
function withoutLiteralsAndComments(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (match) => (match.startsWith("'") ? "''" : ' '));
}

/** `with [recursive] "a" [(cols)] as [not] [materialized] (...), "b" as (...) <statement>` → `<statement>`. */
function skipWithClause(sql: string): string {
  const head = /^with(?:\s+recursive)?\s+/i.exec(sql);
  if (head === null) return sql;
  let rest = sql.slice(head[0].length);
  for (;;) {
    const name = new RegExp(String.raw`^${NAME}\s*`).exec(rest);
    if (name === null) return rest;
    rest = rest.slice(name[0].length);
    if (rest.startsWith('(')) rest = afterParentheses(rest).trimStart();
    const as = /^as\s+(?:not\s+)?(?:materialized\s+)?/i.exec(rest);
    if (as === null || !rest.slice(as[0].length).startsWith('(')) return rest;
    rest = afterParentheses(rest.slice(as[0].length)).trimStart();
    if (!rest.startsWith(',')) return rest;
    rest = rest.slice(1).trimStart();
  }
}

/** The text after the parenthesised group `text` starts with (quoted names may hold parentheses). */
function afterParentheses(text: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return text.slice(i + 1);
  }
  return '';
}
