/** Turns whatever Office throws into one plain-English HostError for the message bar. */
import { officeMessages } from './messages';
import { HostError } from '../host';

/** Office's error codes (OfficeExtension.Error.code) the adapter distinguishes. */
export const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}

export function isPayloadError(error: unknown): boolean {
  return PAYLOAD_CODES.has(officeErrorCode(error) ?? '');
}

/** `sheet` names the sheet being worked on when the error came, if known. */
export function toHostError(error: unknown, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  switch (officeErrorCode(error)) {
    case 'AccessDenied':
      return new HostError('accessDenied', officeMessages.accessDenied(sheet), sheet, undefined, error);
    case 'ItemNotFound':
      return new HostError('itemNotFound', officeMessages.itemNotFound(sheet), sheet, undefined, error);
    case 'InvalidOperationInCellEditMode':
      return new HostError('cellEditMode', officeMessages.cellEditMode(), undefined, undefined, error);
    case 'RangeExceedsLimit':
      return new HostError('rangeTooLarge', officeMessages.rangeTooLarge(), sheet, undefined, error);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError('payloadTooLarge', officeMessages.payloadTooLarge(), undefined, undefined, error);
    default:
      return new HostError('general', officeMessages.general(), sheet, undefined, error);
  }
}
