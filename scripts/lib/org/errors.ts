import { UserError } from '../errors.ts';
import { loginHint } from './session.ts';

/** One error of a Salesforce REST or Bulk API error body (`[{ "message", "errorCode" }]`). */
export interface ApiErrorBody {
  message: string;
  errorCode: string;
}

/**
 * Salesforce refused a request for a reason we did not plan for (not a login, limit or transient
 * problem). Carries the request line and Salesforce's own error code; never a header or token.
 */
export class OrgApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly request: string;

  constructor(request: string, status: number, errorCode: string, message: string) {
    super(`${request} answered ${status} ${errorCode}: ${message}`);
    this.name = 'OrgApiError';
    this.status = status;
    this.errorCode = errorCode;
    this.request = request;
  }
}

/** A long-running step stopped short (a Bulk job failed or is still running); the message names the job. */
export class OrgJobError extends Error {
  readonly jobId: string;
  constructor(jobId: string, message: string) {
    super(message);
    this.name = 'OrgJobError';
    this.jobId = jobId;
  }
}

export function sessionExpired(target: string): UserError {
  return new UserError(`The Salesforce session for "${target}" has expired or was revoked.`, {
    hint: loginHint(target)
  });
}

export function limitExceeded(target: string, message: string): UserError {
  return new UserError(`The org "${target}" refused the request: ${message} (REQUEST_LIMIT_EXCEEDED).`, {
    hint: 'An API limit of the org is used up. Wait until its 24-hour usage drops (Setup > System Overview shows it) or ask your Salesforce admin for a higher allocation, then run the command again: a run that was interrupted resumes with partner-program apply <run dir>.'
  });
}

/** Reads a Salesforce error body; tolerant of the shapes REST, Bulk and OAuth endpoints use. */
export function parseApiError(text: string): ApiErrorBody {
  try {
    const json: unknown = JSON.parse(text);
    const first = Array.isArray(json) ? json[0] : json;
    if (first && typeof first === 'object') {
      const record = first as Record<string, unknown>;
      const errorCode = String(record.errorCode ?? record.error ?? 'UNKNOWN_ERROR');
      const message = String(record.message ?? record.error_description ?? '');
      return { errorCode, message };
    }
  } catch {
    // not JSON
  }
  return { errorCode: 'UNKNOWN_ERROR', message: text.slice(0, 300) };
}
