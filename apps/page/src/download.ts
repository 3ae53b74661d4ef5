import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';

/**
 * Bytes the host answered as base64, turned into something the person can save or play: a Blob
 * behind an object URL for an `<a download>` link or an `<audio>` element. Nothing is fetched (the policy's `connect-src 'self'`
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

/**
 * The one object URL a screen offers (a pack to save, a memo to play), with what goes with it.
 * Setting another revokes the previous one, and so do a change of `scope` (the profile or talk
 * it belongs to) and the screen closing, so bytes are never held for the page's lifetime and
 * never offered under another profile.
 */
export function useHeldObjectUrl<T extends { url: string }>(scope: () => unknown): { held: ShallowRef<T | null>; set(next: T | null): void } {
  const held = shallowRef(null) as ShallowRef<T | null>;
  const set = (next: T | null) => {
    if (held.value) URL.revokeObjectURL(held.value.url);
    held.value = next;
  };
  watch(scope, () => set(null));
  onBeforeUnmount(() => set(null));
  return { held, set };
}
