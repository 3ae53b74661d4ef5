import { describeRouterProperties, propertyRunScale } from './router-property-suite';

/**
 * The router's properties (`router-property-suite.ts`) at their full count, in npm run drills
 * (`npx nx run desktop:drill`): 25 calls per command for the no-write property, where
 * `router-properties.spec.ts` (npm test) makes 10 to stay fast. LEPUPITRE_PROPERTY_RUNS
 * multiplies the number of runs for a deeper search.
 */
const SCALE = propertyRunScale();

jest.setTimeout(120_000 * SCALE);

describeRouterProperties({ unknownNames: 100, noWrite: 25 * SCALE, shape: 60 * SCALE });
