/*
 * The one place org mode talks HTTP: builds URLs on the instance URL with `new URL()` (the CLI stores
 * it with a trailing slash), adds the bearer token, retries transient failures with backoff, turns
 * an expired session into "log in again" and a used-up limit into a clear message. Error messages
 * name the request line and Salesforce's error code, never a header, so no token can leak.
 */
import { OrgApiError, limitExceeded, parseApiError, sessionExpired } from './errors.ts';
import { DEFAULT_RETRY, TRANSIENT_ERROR_CODES, TransientError, withRetry, type RetryPolicy } from './retry.ts';
import type { OrgSession } from './session.ts';

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** A body factory, called once per attempt (a file stream is re-opened when a request is retried). */
  body?: () => BodyInit;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Statuses answered without an error (404 for a describe of an object the org does not have). */
  allow?: number[];
}

export interface ClientOptions {
  retry?: RetryPolicy;
  /** Per-request timeout; a timed-out request counts as transient and is retried. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

class Unauthorized extends Error {}

export class SalesforceClient {
  readonly session: OrgSession;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  /** HTTP requests sent, retries included. */
  calls = 0;

  constructor(session: OrgSession, options: ClientOptions = {}) {
    this.session = session;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** An absolute URL for a path (`/services/…`) or a URL Salesforce returned (nextRecordsUrl). */
  url(pathOrUrl: string, query: RequestOptions['query'] = {}): URL {
    const url = new URL(pathOrUrl, this.session.instanceUrl);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  /** Sends a request and returns the (successful or allowed) response, its body unread. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    try {
      return await this.withRetries(method, path, options);
    } catch (error) {
      if (!(error instanceof Unauthorized)) throw error;
      if (this.session.refresh && (await this.session.refresh().catch(() => false))) {
        try {
          return await this.withRetries(method, path, options);
        } catch (again) {
          if (!(again instanceof Unauthorized)) throw again;
        }
      }
      throw sessionExpired(this.session.target);
    }
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.request(method, path, { accept: 'application/json', ...options });
    const text = await response.text();
    return (text === '' ? null : JSON.parse(text)) as T;
  }

  private withRetries(method: string, path: string, options: RequestOptions): Promise<Response> {
    return withRetry(this.retry, () => this.send(method, path, options));
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = this.url(path, options.query);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.session.accessToken()}`,
      Accept: options.accept ?? 'application/json',
      ...options.headers
    };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      headers['Content-Type'] = options.contentType ?? 'text/csv';
      body = options.body();
    }
    this.calls++;
    const requestLine = `${method} ${url.pathname}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs),
        // Streamed upload bodies need half-duplex mode in Node's fetch.
        ...(body && typeof body === 'object' && 'getReader' in body ? { duplex: 'half' } : {})
      } as RequestInit);
    } catch (error) {
      throw new TransientError(`${requestLine} failed: ${(error as Error).message}`, { cause: error });
    }
    if (response.ok || options.allow?.includes(response.status)) return response;
    const { errorCode, message } = parseApiError(await response.text());
    if (response.status === 401) throw new Unauthorized(errorCode);
    if (errorCode === 'REQUEST_LIMIT_EXCEEDED') throw limitExceeded(this.session.target, message);
    if (response.status >= 500 || response.status === 408 || TRANSIENT_ERROR_CODES.has(errorCode)) {
      throw new TransientError(`${requestLine} answered ${response.status} ${errorCode}: ${message}`);
    }
    throw new OrgApiError(requestLine, response.status, errorCode, message);
  }
}
