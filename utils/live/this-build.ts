import { type LiveBuildConfig, liveBuildConfig } from './build-config';

/**
 * This build's live configuration, fixed when it was built: the real services, or (only in an
 * `e2e` build) the local fake named by `WXT_LIVE_ENDPOINTS`. See `build-config.ts`.
 */
export const LIVE_BUILD: LiveBuildConfig = liveBuildConfig(
  import.meta.env.MODE,
  import.meta.env.WXT_LIVE_ENDPOINTS,
);
