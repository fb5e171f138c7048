/** The request and response shapes the fake's route handlers use. */
export interface FakeHttpRequest {
  method: string;
  /** Path segments after /services/data/vXX.X/. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  apiVersion: string;
}

export interface FakeHttpResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless it is a string. */
  body?: unknown;
}

export const json = (status: number, body: unknown): FakeHttpResponse => ({ status, body });
export const apiError = (status: number, errorCode: string, message: string): FakeHttpResponse => ({
  status,
  body: [{ message, errorCode }]
});
