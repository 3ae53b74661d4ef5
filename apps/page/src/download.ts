/**
 * Bytes the host answered as base64, turned into something the person can save: a Blob behind
 * an object URL for an `<a download>` link. Nothing is fetched (the policy's `connect-src 'self'`
 * stays as it is): the bytes are already in the page. The URL's owner revokes it once it is
 * replaced or the screen goes, so the bytes are not held for the page's lifetime.
 */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = window.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function objectUrlOf(base64: string, type: string): string {
  return URL.createObjectURL(new Blob([bytesOfBase64(base64)], { type }));
}
