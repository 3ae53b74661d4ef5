import { z } from 'zod';
import { Text } from '../wire-schemas';

/**
 * The previous `recording_stop` response (camelCase), which audio import and trim return too so
 * that the UI's recording flow takes an imported or trimmed audio unchanged.
 */
export const StoredAudioResponse = z.object({
  path: Text,
  artifactId: Text,
  bytes: z.number().int().nonnegative(),
  sha256: Text,
  durationMs: z.number().int().nonnegative(),
});
