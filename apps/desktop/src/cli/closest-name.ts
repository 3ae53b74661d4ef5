/** Edits allowed at most, however long the name: beyond three, a suggestion is a guess. */
const MAX_EDITS = 3;

/** Characters typed per edit allowed: a short name tolerates one typo, a long one a few. */
const CHARS_PER_EDIT = 4;

/**
 * The known name a mistyped one most likely meant, or null when none is close enough: the
 * nearest by edits (a letter added, dropped, changed, or two neighbours swapped; case aside),
 * the first listed among equals. Close enough is one edit per four characters typed, at least
 * one and at most three, so a name that merely shares a prefix (`profile_frobnicate`) gets no
 * suggestion that would mislead.
 */
export function closestName(typed: string, names: readonly string[]): string | null {
  if (typed === '') return null;
  const allowed = Math.min(MAX_EDITS, Math.max(1, Math.floor(typed.length / CHARS_PER_EDIT)));
  let best: string | null = null;
  let bestEdits = allowed + 1;
  for (const name of names) {
    const edits = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (edits < bestEdits) {
      best = name;
      bestEdits = edits;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance: Levenshtein's insertions, deletions and substitutions, plus
 * the swap of two adjacent characters as one edit (the commonest typo, `stauts`).
 */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let edits = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        edits = Math.min(edits, (beforePrevious[j - 2] as number) + 1);
      }
      current.push(edits);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}
