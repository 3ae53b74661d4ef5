/** The status reads' SQL: plain reads that every version of the global schema answers. */
export const STATUS_SQL = {
  profileNames: 'SELECT id, name FROM profiles WHERE id IS NOT NULL',
} as const;
