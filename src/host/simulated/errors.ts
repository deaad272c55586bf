/**
 * Errors shaped like OfficeExtension.Error: a `code` from Office's list, a message and
 * debug info naming the failing statement. Raised at `sync`, except PropertyNotLoaded
 * which, as in Office, is thrown on reading the property.
 */
export type OfficeErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export class SimulatedOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: OfficeErrorCode;
  readonly debugInfo: { code: OfficeErrorCode; message: string; errorLocation?: string };

  constructor(code: OfficeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation !== undefined ? { errorLocation } : {}) };
  }
}
