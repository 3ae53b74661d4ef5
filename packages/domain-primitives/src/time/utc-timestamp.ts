/**
 * Timestamps as the previous app wrote them: RFC 3339 in UTC with a `+00:00` offset (never `Z`)
 * and the fraction omitted when it is zero. With that form plain string comparison orders
 * timestamps, and SQL relies on it (`ORDER BY created_at`, `MAX(created_at)`). This platform
 * writes milliseconds.
 */
export function formatUtcTimestamp(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  return millis === '000' ? `${seconds}+00:00` : `${seconds}.${millis}+00:00`;
}

export function utcNow(): string {
  return formatUtcTimestamp(new Date());
}

/** `YYYYMMDDTHHMMSSZ`, the compact form used in snapshot and quarantine file names. */
export function compactUtcStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
}
