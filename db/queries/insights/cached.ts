import { sharedByDataVersion } from '../data-version';
import { getConcentration } from './concentration';
import { listPrivacyFlags, listPrivacyMitigations } from './privacy';
import { getAwaitingMeasurement, getRetestRadar, listRetests } from './radar';
import { getShift } from './shift';

/**
 * The /insights page's queries, remembered per data version as the dashboard's (../dashboard/cached.ts): every
 * table they read moves the data version, and the key holds the scope (teams, today, time zone, fiscal year), so
 * a repeated view reads one row instead of scanning the organisation's experiments (3.5 s at 10^5 on PostgreSQL).
 * Shared, frozen: copying the radar's every item for each view was half of the page's CPU.
 */
export const insights = {
  retestRadar: sharedByDataVersion('insights.retestRadar', getRetestRadar),
  awaitingMeasurement: sharedByDataVersion('insights.awaitingMeasurement', getAwaitingMeasurement),
  retests: sharedByDataVersion('insights.retests', listRetests),
  concentration: sharedByDataVersion('insights.concentration', getConcentration),
  privacyFlags: sharedByDataVersion('insights.privacyFlags', listPrivacyFlags),
  privacyMitigations: sharedByDataVersion('insights.privacyMitigations', listPrivacyMitigations),
  shift: sharedByDataVersion('insights.shift', getShift),
};
