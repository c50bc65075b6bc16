import pg from 'pg';

/**
 * Samples what the server's database sessions are doing (pg_stat_activity) every `everyMs`
 * while a load runs: where time goes inside PostgreSQL, e.g. sessions waiting on a row lock.
 * Sparingly, and on the first characters of each query only: the sampler's own work runs on the
 * cores being measured.
 * Counts per "state / wait event / first words of the query", most frequent first.
 */
export async function sampleDatabase(url: string, database: string, everyMs = 500) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    client
      .query<{ state: string | null; wait: string | null; query: string }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait, left(regexp_replace(left(query, 120), '\\s+', ' ', 'g'), 60) AS query
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [database],
      )
      .then(({ rows }) => {
        samples++;
        for (const row of rows) {
          const key = `${row.state ?? '?'} | ${row.wait ?? 'cpu'} | ${row.state === 'idle' ? '' : row.query}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      })
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await client.end().catch(() => {});
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
      return { samples, sessionsPerSample: top.map(([what, n]) => ({ what, perSample: Math.round((n / Math.max(1, samples)) * 100) / 100 })) };
    },
  };
}
