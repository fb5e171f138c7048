/*
 * Several REST reads in one API call through the Composite resource (POST /composite): Salesforce
 * counts the whole request as a single call toward the org's API limits. It takes at most 25
 * subrequests, of which at most 5 queries; larger lists go in as few requests as those limits allow.
 * Used for the fixed reads of a run (describes, program records, currency setup), which otherwise
 * cost one call each.
 */
import { dataPath } from './api-version.ts';
import type { SalesforceClient } from './http.ts';
import { OrgApiError } from './errors.ts';

const MAX_SUBREQUESTS = 25;
const MAX_QUERIES = 5;

export interface SubResponse {
  status: number;
  body: unknown;
}

interface CompositeAnswer {
  compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[];
}

function isQuery(path: string): boolean {
  return /\/query\/?\?/.test(path);
}

/** Splits GET paths into composite requests within the subrequest and query limits. */
export function compositeChunks(paths: string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let queries = 0;
  for (const path of paths) {
    const query = isQuery(path);
    if (chunk.length === MAX_SUBREQUESTS || (query && queries === MAX_QUERIES)) {
      chunks.push(chunk);
      chunk = [];
      queries = 0;
    }
    chunk.push(path);
    if (query) queries++;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** GETs every path (full /services/data/vXX.X/… paths with their query string); answers in order. */
export async function compositeGet(client: SalesforceClient, paths: string[]): Promise<SubResponse[]> {
  const answers: SubResponse[] = [];
  for (const chunk of compositeChunks(paths)) {
    const answer = await client.json<CompositeAnswer>('POST', dataPath('composite'), {
      json: {
        allOrNone: false,
        compositeRequest: chunk.map((url, index) => ({ method: 'GET', url, referenceId: `r${index}` }))
      }
    });
    const byReference = new Map(answer.compositeResponse.map((sub) => [sub.referenceId, sub]));
    chunk.forEach((url, index) => {
      const sub = byReference.get(`r${index}`);
      if (!sub)
        throw new OrgApiError(`GET ${url}`, 500, 'UNKNOWN_EXCEPTION', 'the composite answer has no result for it');
      answers.push({ status: sub.httpStatusCode, body: sub.body });
    });
  }
  return answers;
}
