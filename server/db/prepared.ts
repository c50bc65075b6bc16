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
