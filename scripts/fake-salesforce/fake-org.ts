/*
 * The state of a fake org behind the HTTP server: records, the session token, daily limits, Bulk
 * jobs, sent notifications, every request received, and the faults a test injects.
 */
import { fakeSchema, type SchemaOptions } from './schema.ts';
import { FakeStore } from './store.ts';
import type { Value } from './store.ts';

export interface FakeOrgOptions extends Partial<SchemaOptions> {
  orgId?: string;
  /** Records per REST query page (nextRecordsUrl after that). */
  restPageSize?: number;
  /** Records per Bulk query results page when the request gives no maxRecords. */
  bulkPageSize?: number;
  /** Status requests a Bulk job answers InProgress before it completes. */
  pollsUntilDone?: number;
  limits?: Record<string, { Max: number; Remaining: number }>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  body: string;
  status: number;
}

export interface Fault {
  method?: string;
  path: RegExp;
  /** How many matching requests it answers (default 1). */
  times?: number;
  status?: number;
  body?: unknown;
  /** Never answer (the client times out). */
  hang?: boolean;
  /** Answer normally, but break the connection halfway through the body. */
  breakBody?: boolean;
}

export interface QueryJob {
  id: string;
  object: string;
  soql: string;
  state: string;
  polls: number;
  columns: string[];
  rows: Value[][];
  createdDate: string;
}

export interface IngestJob {
  id: string;
  object: string;
  operation: string;
  externalIdFieldName?: string;
  state: string;
  polls: number;
  data: string | null;
  createdDate: string;
  processed: number;
  failed: number;
  errorMessage?: string;
  results?: { successfulResults: string; failedResults: string; unprocessedrecords: string };
}

export interface SentNotification {
  customNotifTypeId: string;
  recipientIds: string[];
  title: string;
  body: string;
  targetId: string;
}

export class FakeOrg {
  readonly store: FakeStore;
  readonly orgId: string;
  readonly options: Required<Pick<FakeOrgOptions, 'restPageSize' | 'bulkPageSize' | 'pollsUntilDone'>>;
  token = `00DFAKE000000001!AQ.fake-${Math.random().toString(36).slice(2)}-token`;
  limits: Record<string, { Max: number; Remaining: number }>;
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly queryJobs = new Map<string, QueryJob>();
  readonly ingestJobs = new Map<string, IngestJob>();
  readonly notifications: SentNotification[] = [];
  /** A test's row fault for ingest jobs: return an sf__Error text to fail the row. */
  rowFault: ((object: string, row: Record<string, string>) => string | null) | null = null;
  /** A test's job fault: return an error message to make the job fail. */
  jobFault: ((job: IngestJob) => string | null) | null = null;
  /** Ingest jobs of these objects stay InProgress until released (poll timeout). */
  readonly stuckObjects = new Set<string>();
  /** Called for every request, after it was answered (tests wait for a step, then kill a run). */
  onRequest: ((request: RecordedRequest) => void) | null = null;
  private cursors = 0;
  readonly restCursors = new Map<string, Record<string, unknown>[]>();

  constructor(options: FakeOrgOptions = {}) {
    this.store = new FakeStore(
      fakeSchema({
        multiCurrency: options.multiCurrency ?? true,
        hiddenFields: options.hiddenFields ?? [],
        readOnlyFields: options.readOnlyFields ?? []
      })
    );
    this.orgId = options.orgId ?? '00DFK0000000001AAA';
    this.options = {
      restPageSize: options.restPageSize ?? 2000,
      bulkPageSize: options.bulkPageSize ?? 50_000,
      pollsUntilDone: options.pollsUntilDone ?? 1
    };
    this.limits = {
      DailyApiRequests: { Max: 100_000, Remaining: 99_000 },
      DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
      DailyBulkApiBatches: { Max: 15_000, Remaining: 15_000 },
      DailyBulkV2QueryFileStorageMB: { Max: 976_562, Remaining: 976_562 },
      ...options.limits
    };
  }

  newCursor(records: Record<string, unknown>[]): string {
    const id = `01gFK${String(++this.cursors).padStart(10, '0')}`;
    this.restCursors.set(id, records);
    return id;
  }

  /** Makes the current token invalid (an expired session); returns the new one a refresh would get. */
  expireSession(): string {
    this.token = `00DFAKE000000001!AQ.fake-${Math.random().toString(36).slice(2)}-renewed`;
    return this.token;
  }

  /** Requests received, optionally only those whose path matches. */
  calls(path?: RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (request) => (!path || path.test(request.path)) && (!method || request.method === method)
    );
  }

  /** Every REST SOQL query received, alone (GET /query) or as a subrequest of POST /composite. */
  soqlQueries(): string[] {
    const queries: string[] = [];
    for (const request of this.requests) {
      if (request.method === 'GET' && /\/query\/?$/.test(request.path) && request.query.q)
        queries.push(request.query.q);
      if (request.method === 'POST' && /\/composite\/?$/.test(request.path)) {
        const { compositeRequest = [] } = JSON.parse(request.body || '{}') as { compositeRequest?: { url: string }[] };
        for (const sub of compositeRequest) {
          const q = new URL(sub.url, 'http://127.0.0.1').searchParams.get('q');
          if (q) queries.push(q);
        }
      }
    }
    return queries;
  }
}
