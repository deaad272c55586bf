/**
 * Errors of API misuse: a host asked for something that cannot exist. Findings and
 * operation problems are values, never these.
 */

/** An operation was asked for by a name the engine does not have. */
export class UnknownOperationError extends Error {
  override readonly name = 'UnknownOperationError';
  constructor(readonly operation: string) {
    super(`There is no operation named "${operation}".`);
  }
}

/** An operation was pointed at a table id that is not among the tables it was given. */
export class UnknownTableError extends Error {
  override readonly name = 'UnknownTableError';
  constructor(readonly tableId: string) {
    super(`There is no table "${tableId}" among the tables given.`);
  }
}
