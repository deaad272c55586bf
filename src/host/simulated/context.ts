/**
 * The simulated RequestContext: calls on proxies are queued and run in order at `sync`,
 * as one request. Request and response sizes are measured as the JSON Office would
 * send, and limited to 5 MB like Excel on the web.
 */
import { SimulatedOfficeError, type OfficeErrorCode } from './errors';
import type { SimState } from './state';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;

/** What one queued call does at sync: the request it sends, and a runner against the state. */
export interface QueuedAction {
  readonly request: unknown;
  /** Describes the call for error messages, e.g. `Range.values (Sheet1!A1:B2)`. */
  readonly location: string;
  /** Runs against the state; returns data sent back and how to hand it to proxies. */
  run(state: SimState): { response?: unknown; deliver?: () => void } | void;
}

export interface SyncStats {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** The largest single request and response so far. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs refused for their payload size. */
  payloadErrors: number;
}

/** A failure to inject: at the `atSync`-th sync (1-based, counted over the whole Excel), after running `afterActions` of its calls. */
export interface InjectedFailure {
  atSync: number;
  afterActions?: number;
  code?: OfficeErrorCode;
}

export interface ContextHost {
  readonly state: SimState;
  readonly stats: SyncStats;
  readonly syncDelayMs: number;
  takeFailure(syncNumber: number): InjectedFailure | undefined;
}

export class SimulatedRequestContext {
  private queue: QueuedAction[] = [];
  /** Called after every sync, so that null-object flags become readable. */
  private readonly afterSync: (() => void)[] = [];

  constructor(readonly host: ContextHost) {}

  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  onSync(callback: () => void): void {
    this.afterSync.push(callback);
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const stats = this.host.stats;
    stats.syncs += 1;
    const syncNumber = stats.syncs;
    const requestBytes = jsonBytes(actions.map((a) => a.request));
    stats.requestBytes += requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (this.host.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.host.syncDelayMs));
    else await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      stats.payloadErrors += 1;
      throw new SimulatedOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const failure = this.host.takeFailure(syncNumber);
    const stopAt = failure ? Math.min(failure.afterActions ?? Math.floor(actions.length / 2), actions.length) : actions.length;
    const responses: unknown[] = [];
    const deliveries: (() => void)[] = [];
    for (let i = 0; i < stopAt; i++) {
      const action = actions[i]!;
      // Office stops at the first failing call; the calls before it stay applied.
      const outcome = action.run(this.host.state);
      if (outcome?.response !== undefined) responses.push(outcome.response);
      if (outcome?.deliver) deliveries.push(outcome.deliver);
    }
    if (failure) {
      throw new SimulatedOfficeError(failure.code ?? 'GeneralException', 'An internal error has occurred (injected).', actions[stopAt]?.location);
    }
    const responseBytes = jsonBytes(responses);
    stats.responseBytes += responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      stats.payloadErrors += 1;
      throw new SimulatedOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const deliver of deliveries) deliver();
    for (const callback of this.afterSync) callback();
  }
}

const encoder = new TextEncoder();

/** UTF-8 size of the JSON, as sent over the wire (works in Node and the browser workbench). */
export function jsonBytes(data: unknown): number {
  return encoder.encode(JSON.stringify(data) ?? '').length;
}
