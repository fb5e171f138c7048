/**
 * The Salesforce API version every org-mode request uses (Winter '26). Pinned, not negotiated: a
 * newer org answers an older version the same way it always did, and Bulk API 2.0 requires results
 * to be fetched with the version the job was created with.
 */
export const API_VERSION = '65.0';

/** `/services/data/v65.0/<rest>`: a path that `new URL(path, instanceUrl)` resolves on any instance URL. */
export function dataPath(rest: string): string {
  return `/services/data/v${API_VERSION}/${rest.replace(/^\/+/, '')}`;
}
