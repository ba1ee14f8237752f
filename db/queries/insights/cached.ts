import { cachedByDataVersion } from '../data-version';
import { getConcentration } from './concentration';
import { listPrivacyFlags, listPrivacyMitigations } from './privacy';
import { getAwaitingMeasurement, getRetestRadar, listRetests } from './radar';
import { getShift } from './shift';

/**
 * The /insights page's queries, remembered per data version as the dashboard's (../dashboard/cached.ts): every
 * table they read moves the data version, and the key holds the scope (teams, today, time zone, fiscal year), so
 * a repeated view reads one row instead of scanning the organisation's experiments (3.5 s at 10^5 on PostgreSQL).
 */
// Shared, frozen: the page only reads them; copying the radar's every item for each view was half of its CPU.
const SHARED = { shared: true };

export const insights = {
  retestRadar: cachedByDataVersion('insights.retestRadar', getRetestRadar, SHARED),
  awaitingMeasurement: cachedByDataVersion('insights.awaitingMeasurement', getAwaitingMeasurement, SHARED),
  retests: cachedByDataVersion('insights.retests', listRetests, SHARED),
  concentration: cachedByDataVersion('insights.concentration', getConcentration, SHARED),
  privacyFlags: cachedByDataVersion('insights.privacyFlags', listPrivacyFlags, SHARED),
  privacyMitigations: cachedByDataVersion('insights.privacyMitigations', listPrivacyMitigations, SHARED),
  shift: cachedByDataVersion('insights.shift', getShift, SHARED),
};
