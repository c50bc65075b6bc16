/** Whether `error` carries PostgreSQL's SQLSTATE `code`, as raised by both drivers (directly or as the query error's cause). */
function hasSqlState(error: unknown, code: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === code) return true;
  }
  return false;
}

/** unique_violation. */
export const isUniqueViolation = (error: unknown): boolean => hasSqlState(error, '23505');

/** serialization_failure: the statement should run again (raised by `retry_statement()` too). */
export const isSerializationFailure = (error: unknown): boolean => hasSqlState(error, '40001');
