/**
 * Decides whether a piece of text is SQL. The text is what a string, a template or a
 * concatenation evaluates to statically, with every non-static expression replaced by
 * {@link PLACEHOLDER} (an identifier-shaped token, so `from ${table}` reads as `from <name>`).
 *
 * A keyword pair alone is not enough, or ordinary English would be reported ("select a profile
 * from the list", "insert into the queue", "delete from disk"). A text is SQL when one of the
 * statement shapes below matches, case-insensitively:
 *
 * - `select <list> from <name>`, where `<list>` is `*` or a comma-separated list of column
 *   expressions (`t.id`, `count(*)`, `title as name`, a placeholder), never several bare words;
 * - `insert|replace [or <conflict>] into <name>` followed by `(`, `values`, `select` or `default`;
 * - `update [or <conflict>] <name> set <column> =`;
 * - `delete from <name>` followed by `where`, `returning` or `;`;
 * - `create [temp] [unique] table|index|view|trigger [if not exists] <name>` followed by `(`,
 *   `on`, `as`, `before`, `after` or `instead`; `drop table|index|view|trigger [if exists]
 *   <name>`; `alter table <name> add|drop|rename`;
 * - `pragma <name>` (optionally `schema.name`, `= value` or `(value)`);
 * - `begin immediate|exclusive|deferred [transaction]`, a whole `begin transaction`,
 *   `rollback to [savepoint] <name>`, `release savepoint <name>`;
 * - `vacuum into ...`, a whole `vacuum [schema]` statement written `VACUUM`;
 * - a common table expression `with [recursive] <name> [(columns)] as (`;
 *
 * or when the keywords are written in upper case, as SQL is and prose is not, with a looser
 * shape: `SELECT ... FROM <name>`, `INSERT INTO <name>`, `UPDATE <name> SET`,
 * `DELETE FROM <name>`, `CREATE|DROP TABLE|INDEX|VIEW|TRIGGER`, `ALTER TABLE`,
 * `BEGIN TRANSACTION`.
 *
 * In every shape `<name>` is an identifier (plain, quoted, schema-qualified or a placeholder)
 * that is not an English determiner, pronoun or preposition (`the`, `a`, `your`, `each`, `it`,
 * `of`, `for`, ...).
 */

export const PLACEHOLDER = '__expr__';

const NAME = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*))?`;
const ITEM = String.raw`(?:[\w$."\x60\[\]]*\*|[\w$."\x60\[\]]+(?:\s*\([^()]*\))?|'[^']*'|\?)(?:\s+as\s+[\w$"\x60]+)?`;
const LIST = String.raw`(?:\*|${ITEM}(?:\s*,\s*${ITEM})*)`;

/** Words that follow `from`, `into` or `update` in English but would never name a table. */
const NOT_A_NAME = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'its', 'his',
  'her', 'each', 'every', 'any', 'all', 'some', 'one', 'it', 'them', 'me', 'us', 'you', 'here',
  'there', 'which', 'what', 'where', 'now', 'both', 'either', 'neither', 'another', 'other',
  'of', 'for', 'to', 'in', 'on', 'with', 'from', 'by', 'at', 'and', 'or', 'as', 'into', 'up',
]);

interface Shape {
  readonly pattern: RegExp;
  /** Index of the capture group holding the table (or other object) name, if any. */
  readonly nameGroup?: number;
}

const shapeSources: readonly Shape[] = [
  // Case-insensitive statement shapes.
  { pattern: new RegExp(String.raw`\bselect\s+(?:distinct\s+|all\s+)?${LIST}\s+from\s+(\(|${NAME})`, 'i'), nameGroup: 1 },
  {
    pattern: new RegExp(
      String.raw`\b(?:insert|replace)\s+(?:or\s+(?:replace|ignore|abort|fail|rollback)\s+)?into\s+(${NAME})(?:\s+as\s+\w+)?\s*(?:\(|\bvalues\b|\bselect\b|\bdefault\s+values\b)`,
      'i',
    ),
    nameGroup: 1,
  },
  { pattern: new RegExp(String.raw`\bupdate\s+(?:or\s+\w+\s+)?(${NAME})\s+set\s+${NAME}\s*=`, 'i'), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\bdelete\s+from\s+(${NAME})(?:\s+(?:as\s+)?\w+)?\s*(?:\bwhere\b|\breturning\b|;)`, 'i'), nameGroup: 1 },
  {
    pattern: new RegExp(
      String.raw`\bcreate\s+(?:temp(?:orary)?\s+)?(?:unique\s+)?(?:table|index|view|trigger)\s+(?:if\s+not\s+exists\s+)?(${NAME})\s*(?:\(|\b(?:on|as|before|after|instead)\b)`,
      'i',
    ),
    nameGroup: 1,
  },
  { pattern: new RegExp(String.raw`\bdrop\s+(?:table|index|view|trigger)\s+(?:if\s+exists\s+)?(${NAME})`, 'i'), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\balter\s+table\s+(${NAME})\s+(?:add|drop|rename)\b`, 'i'), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\bpragma\s+(?:\w+\.)?\w+\s*(?:=|\(|;|$)`, 'i') },
  { pattern: /\bbegin\s+(?:immediate|exclusive|deferred)\b/i },
  { pattern: /^\s*begin\s+transaction\s*;?\s*$/i },
  { pattern: new RegExp(String.raw`\brollback\s+(?:transaction\s+)?to\s+(?:savepoint\s+)?(${NAME})`, 'i'), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\brelease\s+savepoint\s+${NAME}`, 'i') },
  { pattern: /\bvacuum\s+(?:\w+\s+)?into\b/i },
  { pattern: /^\s*VACUUM(?:\s+\w+)?\s*;?\s*$/ },
  { pattern: new RegExp(String.raw`\bwith\s+(?:recursive\s+)?${NAME}\s*(?:\([^()]*\)\s*)?as\s*(?:(?:not\s+)?materialized\s*)?\(`, 'i') },
  // Upper-case keywords: looser shapes.
  { pattern: new RegExp(String.raw`\bSELECT\b[\s\S]+?\bFROM\s+(\(|${NAME})`), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\b(?:INSERT|REPLACE)\s+(?:OR\s+[A-Z]+\s+)?INTO\s+(${NAME})`), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\bUPDATE\s+(${NAME})\s+SET\b`), nameGroup: 1 },
  { pattern: new RegExp(String.raw`\bDELETE\s+FROM\s+(${NAME})`), nameGroup: 1 },
  { pattern: /\b(?:CREATE|DROP)\s+(?:TEMP\s+|TEMPORARY\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b/ },
  { pattern: /\bALTER\s+TABLE\b/ },
  { pattern: /\bBEGIN\s+TRANSACTION\b/ },
];

const shapes: readonly Shape[] = shapeSources.map(({ pattern, nameGroup }) => ({
  pattern: new RegExp(pattern.source, `${pattern.flags}g`),
  ...(nameGroup === undefined ? {} : { nameGroup }),
}));

function isName(candidate: string): boolean {
  if (candidate === '(') return true; // a subquery
  const bare = candidate.replace(/^["\x60[]|["\x60\]]$/g, '');
  return !NOT_A_NAME.has(bare.toLowerCase());
}

/** The SQL statement found in `text`, or undefined when the text does not have an SQL shape. */
export function findSql(text: string): string | undefined {
  for (const { pattern, nameGroup } of shapes) {
    for (const match of text.matchAll(pattern)) {
      if (nameGroup !== undefined) {
        const name = match[nameGroup];
        if (name === undefined || !isName(name)) continue;
      }
      return match[0];
    }
  }
  return undefined;
}
