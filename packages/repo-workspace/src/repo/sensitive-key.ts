/**
 * Whether a preference key names a place for a secret. Preferences are stored in clear in a
 * file a user may copy or attach to a support request, so such keys are refused outright.
 *
 * Two rules, and a key is sensitive when either finds something:
 * - The previous app's seven fragments (backend and UI), kept exactly so that nothing it refused
 *   is accepted now: the key lowercased, `.`, `-`, `:` read as `_`, refused if it contains one
 *   anywhere (`tokenizer` included).
 * - The fragments this app adds (`SENSITIVE_KEY_WORDS`), matched as whole words, because short
 *   ones such as `pwd` or `jwt`, and `session id` against `session_idle`, would otherwise refuse
 *   harmless keys. The key is cut into words at `.`, `_`, `-`, `:`, at camelCase humps and
 *   between letters and digits, then lowercased. A fragment is found when it runs from the
 *   start of a word to the end of a word, its own words written with any of those separators
 *   or with none (`private-key`, `Private_Key`, `privateKey`, `privatekey`); its last word may
 *   take a plural `s`. Inside a fragment a separator may stand only between its words
 *   (`pass-wd` is not `passwd`), and a fragment glued inside a longer word is not found
 *   (`pwdx`, `xjwt`, `session_idle`, `accessKeyboard`).
 */
export const SENSITIVE_KEY_FRAGMENTS = ['token', 'secret', 'password', 'credential', 'api_key', 'apikey', 'private_key'] as const;

/** Added fragments, words separated by a space. */
export const SENSITIVE_KEY_WORDS = [
  'private key',
  'passwd',
  'pwd',
  'pass phrase',
  'access key',
  'authorization',
  'bearer',
  'cookie',
  'session id',
  'jwt',
] as const;

const FRAGMENT_WORDS: readonly (readonly string[])[] = SENSITIVE_KEY_WORDS.map((fragment) => fragment.split(' '));

/** Word boundaries inside a run of letters and digits: `accessKey`, `APIKey`, `oauth2`. */
const HUMP = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/;

/** For a key already known to be 1 to 160 characters of `[A-Za-z0-9._:-]`. */
export function isSensitiveKey(key: string): boolean {
  const folded = key.toLowerCase().replace(/[.:-]/g, '_');
  if (SENSITIVE_KEY_FRAGMENTS.some((fragment) => folded.includes(fragment))) return true;
  const words = keyWords(key);
  return FRAGMENT_WORDS.some((fragment) => words.some((_, start) => matchesAt(words, start, fragment, 0)));
}

function keyWords(key: string): string[] {
  return key
    .split(/[._:-]+/)
    .flatMap((part) => part.split(HUMP))
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * Whether the key's words from `start` spell the fragment's words from `from` to its end, each
 * key word being one fragment word or several written together.
 */
function matchesAt(words: readonly string[], start: number, fragment: readonly string[], from: number): boolean {
  const word = words[start];
  if (word === undefined) return false;
  for (let to = from + 1; to <= fragment.length; to++) {
    const spelled = fragment.slice(from, to).join('');
    if (to === fragment.length) {
      if (word === spelled || word === `${spelled}s`) return true;
    } else if (word === spelled && matchesAt(words, start + 1, fragment, to)) {
      return true;
    }
  }
  return false;
}
