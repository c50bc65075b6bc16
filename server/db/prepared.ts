import { createHash } from 'node:crypto';
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Executor } from './database.ts';

/**
 * A prepared query built once per database handle. Building a select in the query builder costs
 * 50–160 µs of CPU each time (docs/benchmarks.md); hot paths build it once, and PostgreSQL then
 * parses it once per connection too.
 */
export function preparedPerHandle<Query>(build: (db: Executor) => Query): (db: Executor) => Query {
  const built = new WeakMap<Executor, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/**
 * The parts of Drizzle's database handle that `db.execute` itself uses; marked internal in its
 * types, so named here once. (The versions are pinned by the lock file; the sign-in tests run
 * every prepared statement on PGlite and on PostgreSQL.)
 */
interface DrizzleHandle {
  dialect: { sqlToQuery(statement: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(values?: Record<string, unknown>): Promise<unknown> };
  };
}

function prepare(db: Executor, label: string, statement: SQL) {
  const handle = db as unknown as DrizzleHandle;
  const query = handle.dialect.sqlToQuery(statement);
  const name = `${label}_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`;
  return handle.session.prepareQuery(query, undefined, name, false);
}

/**
 * As `db.execute(statement)`, as a named prepared statement: PostgreSQL parses and plans a
 * composed statement of the sign-in (thousands of characters, a dozen CTEs) once per connection
 * instead of on every request, about a third of its CPU per sign-in (docs/benchmarks.md).
 *
 * Only for statements whose text does not depend on the values (values are parameters): the name
 * is `label` and a hash of the text, so each shape is prepared once per connection, and a shape
 * that changes gets a name of its own instead of colliding with the old one.
 */
export async function executePrepared(db: Executor, label: string, statement: SQL): Promise<unknown> {
  return prepare(db, label, statement).execute();
}

/** A value in a part of a statement: the value itself, or a placeholder each run fills in. */
export type Param<T> = T | Placeholder;
export type Params<T> = { [K in keyof T]: Param<T[K]> };

/**
 * Placeholders named `<prefix><key>`, one for each key of `T`: a part built with them once takes
 * its values at every run (`prefixed`). `keys` lists every key of `T`, checked by the compiler.
 */
export function placeholders<T>(prefix: string, keys: Record<keyof T, true>): Params<T> {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, sql.placeholder(`${prefix}${key}`)])) as Params<T>;
}

// `<prefix><key>` for each prefix and key seen: building and interning those names anew on every
// run cost more than storing the values (about 4 µs of a sign-in's 50 values).
const namesByPrefix = new Map<string, Map<string, string>>();

/**
 * A part's values under the names `placeholders(prefix, …)` gave its placeholders, added to
 * `into`: a statement of several parts collects all its values in one object (spreading objects
 * of this many keys into a new one costs about 100 µs a statement).
 */
export function prefixed(prefix: string, values: object, into: Record<string, unknown> = {}): Record<string, unknown> {
  let names = namesByPrefix.get(prefix);
  if (!names) namesByPrefix.set(prefix, (names = new Map<string, string>()));
  for (const key of Object.keys(values)) {
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = prefix + key));
    into[name] = (values as Record<string, unknown>)[key];
  }
  return into;
}

/**
 * A statement of fixed shape built by `build` from placeholders once per database handle, and
 * prepared as `executePrepared` does; each run passes only its values. For the hottest
 * statements: composing one from several modules' parts costs the query builder several
 * hundred µs of CPU each time (docs/benchmarks.md). A placeholder without a value is an error.
 */
export function preparedStatement(label: string, build: (db: Executor) => SQL): (db: Executor, values: Record<string, unknown>) => Promise<unknown> {
  const prepared = preparedPerHandle((db) => prepare(db, label, build(db)));
  return (db, values) => prepared(db).execute(values);
}
