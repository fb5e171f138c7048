/*
 * Stand-in for what `@salesforce/apex/<Class>.<method>` gives a component in an org: a function that
 * calls the method imperatively (a Promise) and is also a wire adapter (`@wire(method, config)`).
 * Calls go to the preview server, which answers from data/sample as the controller would.
 * Like Lightning Data Service, wired results are frozen and start as { data: undefined, error: undefined };
 * errors look like the platform's ({ body: { message }, status, statusText }).
 */

/** Which partner and viewer the page emulates (set by the preview page before it mounts components). */
function callContext() {
  const preview = globalThis.__PREVIEW__ || {};
  return { partner: preview.partner, viewer: preview.viewer || 'manager' };
}

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

async function invoke(name, params) {
  const response = await fetch(`/api/apex/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ params: params || {}, context: callContext() })
  });
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) {
    throw {
      status: response.status,
      statusText: response.statusText,
      ok: false,
      body: { message: body.message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false }
    };
  }
  return body.result;
}

/** The adapter instance behind every value a wire provisioned, so that refreshApex(value) can refetch. */
const provisioned = new WeakMap();

export function apexMethod(name) {
  const method = (params) => invoke(name, params).then((result) => deepFreeze(result));
  method.adapter = class ApexWireAdapter {
    constructor(callback) {
      this.callback = callback;
      this.config = undefined;
      this.connected = false;
      this.sequence = 0;
    }
    connect() {
      this.connected = true;
      this.emit({ data: undefined, error: undefined });
    }
    disconnect() {
      this.connected = false;
    }
    update(config) {
      this.config = config;
      this.fetch();
    }
    emit(value) {
      const frozen = Object.freeze(value);
      provisioned.set(frozen, this);
      if (this.connected) this.callback(frozen);
    }
    fetch() {
      const sequence = ++this.sequence;
      return invoke(name, this.config).then(
        (data) => {
          if (sequence === this.sequence) this.emit({ data: deepFreeze(data), error: undefined });
        },
        (error) => {
          if (sequence === this.sequence) this.emit({ data: undefined, error: deepFreeze(error) });
        }
      );
    }
  };
  return method;
}

/** `refreshApex(wiredValue)`: refetches the wire that provisioned the value. */
export function refreshApex(value) {
  const adapter = value && provisioned.get(value);
  return adapter ? adapter.fetch() : Promise.resolve();
}

export function getSObjectValue(record, field) {
  const path = typeof field === 'string' ? field : field.fieldApiName;
  return path.split('.').reduce((value, part) => (value == null ? undefined : value[part]), record);
}
