/**
 * The JSON that Microsoft's Excel client sends for each `context.sync()` (POST
 * …/ProcessQuery) and the answer it expects, as read from its runtime
 * (`OfficeExtension.ClientRequestBase.buildRequestMessageBodyAndRequestFlags`,
 * `processResponse`, `ClientRequestContext.processRequestExecutorResponseMessage`).
 * The client compiles its enums away; their numbers are named here.
 */

export const ActionType = {
  instantiate: 1,
  query: 2,
  method: 3,
  setProperty: 4,
  trace: 5,
  ensureUnchanged: 6,
  queryAsJson: 7,
  update: 9,
} as const;

export const ObjectPathType = {
  globalObject: 1,
  newObject: 2,
  method: 3,
  property: 4,
  indexer: 5,
  referenceId: 6,
  nullObject: 7,
} as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
  /** "Do not keep reference": the client untracked the object (e.g. its own chunks of a large write). */
  D?: boolean;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
  ObjectState?: Record<string, unknown>;
  /** Object paths last used by this action (the client's early-dispose hint). */
  L?: number[];
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ErrorInfo {
  Code: string;
  Message: string;
  Location: string;
  /** Index in `Actions` of the failing action: the client names that statement in `debugInfo`. */
  ActionIndex: number;
  HttpStatusCode: number;
}

export type ResponseBody = { Results: ActionResult[] } | { Error: ErrorInfo; Results?: ActionResult[] };

/** The HTTP status Office gives with each error code. */
export function httpStatusOf(code: string): number {
  switch (code) {
    case 'AccessDenied':
      return 403;
    case 'ItemNotFound':
      return 404;
    case 'ItemAlreadyExists':
    case 'Conflict':
      return 409;
    case 'RequestPayloadSizeLimitExceeded':
      return 413;
    case 'RangeExceedsLimit':
      return 400;
    case 'GeneralException':
      return 500;
    case 'ApiNotFound':
      return 501;
    default:
      return 400;
  }
}
