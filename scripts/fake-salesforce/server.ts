/*
 * A local fake of the Salesforce endpoints org mode uses, as an in-process HTTP server on 127.0.0.1
 * (ephemeral port) for tests. It checks the bearer token (401 INVALID_SESSION_ID otherwise), answers
 * like Salesforce documents (JSON error bodies `[{ message, errorCode }]`), records every request and
 * lets a test inject faults (status codes, error bodies, hangs) by method and path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as bulk from './bulk-routes.ts';
import { FakeOrg, type FakeOrgOptions, type Fault, type RecordedRequest } from './fake-org.ts';
import { apiError, type FakeHttpRequest, type FakeHttpResponse } from './http-types.ts';
import * as rest from './rest-routes.ts';
import { SoqlError } from './soql.ts';
import { FakeApiError } from './store.ts';

export interface FakeSalesforce {
  org: FakeOrg;
  /** The instance URL, with a trailing slash as the Salesforce CLI stores it. */
  instanceUrl: string;
  /** Adds a fault: the next `times` requests matching method and path get this answer. */
  fault(fault: Fault): void;
  close(): Promise<void>;
}

function route(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  const [first, second, third, fourth] = request.segments;
  const method = request.method;
  if (first === 'query' && method === 'GET') return rest.query(org, request);
  if (first === 'limits' && method === 'GET') return { status: 200, body: org.limits };
  if (first === 'sobjects' && third === 'describe' && method === 'GET') return rest.describe(org, second);
  if (first === 'sobjects' && second && third && method === 'PATCH') return rest.updateRow(org, request, second, third);
  if (first === 'composite' && second === 'sobjects' && !third && (method === 'POST' || method === 'PATCH')) {
    return rest.collections(org, request);
  }
  if (first === 'composite' && !second && method === 'POST') return composite(org, request);
  if (first === 'actions' && second === 'standard' && third === 'customNotificationAction' && method === 'POST') {
    return rest.customNotification(org, request);
  }
  if (first === 'jobs' && second === 'query') {
    if (!third && method === 'POST') return bulk.createQueryJob(org, request);
    if (third && !fourth) return bulk.queryJob(org, request, third);
    if (third && fourth === 'results' && method === 'GET') return bulk.queryResults(org, request, third);
  }
  if (first === 'jobs' && second === 'ingest') {
    if (!third && method === 'POST') return bulk.createIngestJob(org, request);
    if (third && !fourth && (method === 'GET' || method === 'PATCH')) return bulk.ingestJob(org, request, third);
    if (third && fourth === 'batches' && method === 'PUT') return bulk.uploadIngestData(org, request, third);
    if (third && ['successfulResults', 'failedResults', 'unprocessedrecords'].includes(fourth) && method === 'GET') {
      return bulk.ingestResults(org, third, fourth);
    }
  }
  return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

/** Composite limits Salesforce documents: 25 subrequests, of which at most 5 queries. */
const COMPOSITE_MAX = 25;
const COMPOSITE_MAX_QUERIES = 5;

/**
 * POST /composite with GET subrequests (describes and queries, what org mode sends): each
 * subrequest is answered by the same routes as a request of its own; one API call in all.
 */
function composite(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  const { compositeRequest } = JSON.parse(request.body || '{}') as {
    compositeRequest?: { method: string; url: string; referenceId: string }[];
  };
  if (!Array.isArray(compositeRequest) || compositeRequest.length === 0) {
    return apiError(400, 'JSON_PARSER_ERROR', 'compositeRequest is required');
  }
  if (compositeRequest.length > COMPOSITE_MAX) {
    return apiError(400, 'INVALID_API_INPUT', `Composite requests may have at most ${COMPOSITE_MAX} subrequests`);
  }
  const queries = compositeRequest.filter((sub) => /\/query\/?\?/.test(sub.url)).length;
  if (queries > COMPOSITE_MAX_QUERIES) {
    return apiError(400, 'INVALID_API_INPUT', `Composite requests may have at most ${COMPOSITE_MAX_QUERIES} queries`);
  }
  const compositeResponse = compositeRequest.map((sub) => {
    const url = new URL(sub.url, 'http://127.0.0.1');
    const match = /^\/services\/data\/v(\d+\.\d)\/(.*?)\/?$/.exec(url.pathname);
    let answer: FakeHttpResponse;
    if (!match || sub.method !== 'GET')
      answer = apiError(400, 'INVALID_API_INPUT', `Unsupported subrequest ${sub.method} ${sub.url}`);
    else {
      try {
        answer = route(org, {
          method: 'GET',
          segments: match[2].split('/').map(decodeURIComponent),
          query: url.searchParams,
          headers: request.headers,
          body: '',
          apiVersion: match[1]
        });
      } catch (error) {
        if (error instanceof FakeApiError) answer = apiError(error.status, error.errorCode, error.message);
        else if (error instanceof SoqlError) answer = apiError(400, 'MALFORMED_QUERY', error.message);
        else answer = apiError(500, 'UNKNOWN_EXCEPTION', (error as Error).message);
      }
    }
    return { body: answer.body ?? null, httpHeaders: {}, httpStatusCode: answer.status, referenceId: sub.referenceId };
  });
  return { status: 200, body: { compositeResponse } };
}

function takeFault(org: FakeOrg, method: string, path: string): Fault | undefined {
  const index = org.faults.findIndex((fault) => (!fault.method || fault.method === method) && fault.path.test(path));
  if (index < 0) return undefined;
  const fault = org.faults[index];
  fault.times = (fault.times ?? 1) - 1;
  if (fault.times <= 0) org.faults.splice(index, 1);
  return fault;
}

type Answer = FakeHttpResponse | 'hang' | { broken: FakeHttpResponse };

function answer(org: FakeOrg, method: string, url: URL, headers: Record<string, string>, body: string): Answer {
  const match = /^\/services\/data\/v(\d+\.\d)\/(.*?)\/?$/.exec(url.pathname);
  if (!match) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (headers.authorization !== `Bearer ${org.token}`) {
    return apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  }
  const fault = takeFault(org, method, url.pathname);
  if (fault?.hang) return 'hang';
  if (fault && !fault.breakBody) {
    return { status: fault.status ?? 500, body: fault.body ?? [{ message: 'fault', errorCode: 'UNKNOWN_EXCEPTION' }] };
  }
  org.limits.DailyApiRequests.Remaining--;
  const request: FakeHttpRequest = {
    method,
    segments: match[2].split('/').map(decodeURIComponent),
    query: url.searchParams,
    headers,
    body,
    apiVersion: match[1]
  };
  try {
    const response = route(org, request);
    return fault?.breakBody ? { broken: response } : response;
  } catch (error) {
    if (error instanceof FakeApiError) return apiError(error.status, error.errorCode, error.message);
    if (error instanceof SoqlError) return apiError(400, 'MALFORMED_QUERY', error.message);
    return apiError(500, 'UNKNOWN_EXCEPTION', (error as Error).message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeSalesforce(options: FakeOrgOptions = {}): Promise<FakeSalesforce> {
  const org = new FakeOrg(options);
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? '')
      ])
    );
    const method = request.method ?? 'GET';
    const answered = answer(org, method, url, headers, body);
    const broken = typeof answered === 'object' && 'broken' in answered;
    const result = broken ? (answered as { broken: FakeHttpResponse }).broken : (answered as FakeHttpResponse | 'hang');
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      status: result === 'hang' ? 0 : result.status
    };
    org.requests.push(recorded);
    if (result === 'hang') {
      hanging.add(response);
      org.onRequest?.(recorded);
      return;
    }
    const text =
      result.body === undefined ? '' : typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    const contentType = typeof result.body === 'string' ? 'text/csv' : 'application/json;charset=UTF-8';
    response.writeHead(result.status, { 'Content-Type': contentType, ...result.headers });
    if (broken) {
      // Half the body, then the connection drops.
      response.write(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => response.destroy(), 10);
      org.onRequest?.(recorded);
      return;
    }
    response.end(text);
    org.onRequest?.(recorded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    org,
    instanceUrl: `http://127.0.0.1:${port}/`,
    fault: (fault) => org.faults.push(fault),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
