import { describeRouterProperties, propertyRunScale } from './router-property-suite';

/**
 * The router's properties (`router-property-suite.ts`) as npm test runs them: every property on
 * every command, with 10 calls per command for the no-write property instead of the 25 of
 * `router-properties.drill.ts` (npm run drills). Each of those calls snapshots every database
 * and file of the folder, which made this file the slowest of the suite; the drill keeps the
 * full count, and each npm test run still tries 10 new random payloads per command. The other
 * two properties keep their full count here: they are cheap, and with fewer calls some commands
 * (audio_trim_wav: about 1 payload in 11 passes validation) could see none get past
 * validation and fail for nothing.
 */
const SCALE = propertyRunScale();

jest.setTimeout(120_000 * SCALE);

describeRouterProperties({ unknownNames: 100, noWrite: 10 * SCALE, shape: 60 * SCALE });
