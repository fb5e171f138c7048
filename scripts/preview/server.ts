/*
 * The preview's http server, on 127.0.0.1 only: the page, the bundle, the SLDS assets, and the
 * Apex stand-in endpoint that answers from data/sample (data-provider.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UserError } from '../lib/errors.ts';
import { ApexError, type CallContext, type PreviewData } from './data-provider.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff'
};

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  data: PreviewData;
  /** Where the page and the bundle are: scripts/preview/app and out/preview. */
  appDir: string;
  bundleDir: string;
  /** The SLDS package's assets folder. */
  assetsDir: string;
  port?: number;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendFile(response: ServerResponse, file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) return json(response, 404, { message: 'Not found' });
  send(response, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

/** A file below `root`, or null for a path that tries to leave it. */
function inside(root: string, relative: string): string | null {
  const file = path.resolve(root, '.' + path.posix.normalize('/' + relative));
  return file.startsWith(root + path.sep) ? file : null;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export async function startPreviewServer(options: ServerOptions): Promise<PreviewServer> {
  const { data } = options;
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = decodeURIComponent(url.pathname);
    if (route === '/' || route === '/index.html') return sendFile(response, path.join(options.appDir, 'index.html'));
    if (route === '/favicon.ico') {
      response.writeHead(204);
      return void response.end();
    }
    if (route === '/app.js' || route === '/app.js.map') return sendFile(response, path.join(options.bundleDir, route));
    if (route.startsWith('/assets/')) {
      const file = inside(options.assetsDir, route.slice('/assets/'.length));
      return file ? sendFile(response, file) : json(response, 404, { message: 'Not found' });
    }
    if (route === '/api/partners') {
      return json(response, 200, {
        partners: data.partners(),
        quarter: data.quarter,
        snapshot: `Sample snapshot of ${data.today}`
      });
    }
    if (route === '/api/resolve') {
      try {
        return json(response, 200, { partner: data.resolve(url.searchParams.get('partner') ?? '') });
      } catch (error) {
        if (error instanceof UserError) return json(response, 404, { message: error.message });
        throw error;
      }
    }
    if (route === '/api/mdf') {
      // What the MDF page mounts for a partner: the approved request whose claim the claim form shows.
      try {
        const partner = data.resolve(url.searchParams.get('partner') ?? '');
        return json(response, 200, {
          quarter: data.mdf.quarter,
          claimRecordId: data.mdf.claimRecordFor(partner.accountId)
        });
      } catch (error) {
        if (error instanceof UserError) return json(response, 404, { message: error.message });
        throw error;
      }
    }
    if (route === '/api/upload' && request.method === 'POST') {
      // lightning-file-upload's stand-in: the files become proof linked to the record (nothing is stored).
      const body = (await readBody(request)) as { recordId?: string; names?: string[] };
      const names = body.names ?? [];
      data.mdf.attachFiles(String(body.recordId ?? ''), names.length);
      return json(response, 200, {
        files: names.map((name, index) => ({ name, documentId: `069PV${String(index + 1).padStart(13, '0')}AAA` }))
      });
    }
    if (route.startsWith('/api/apex/') && request.method === 'POST') {
      const method = route.slice('/api/apex/'.length);
      const body = (await readBody(request)) as { params?: Record<string, unknown>; context?: Partial<CallContext> };
      const context: CallContext = {
        partner: body.context?.partner,
        viewer: body.context?.viewer === 'partner' ? 'partner' : 'manager'
      };
      try {
        return json(response, 200, { result: data.call(method, body.params ?? {}, context) });
      } catch (error) {
        if (error instanceof ApexError) return json(response, error.status, { message: error.message });
        if (error instanceof UserError) return json(response, 404, { message: error.message });
        throw error;
      }
    }
    return json(response, 404, { message: `Not found: ${route}` });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      json(response, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
