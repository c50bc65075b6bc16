/**
 * The company's monthly SMS budget is counted over this many rows per month. Every SMS code of
 * every server holds its row from the reservation to COMMIT; with one row per month all sign-ins
 * that send an SMS waited for each other there (docs/benchmarks.md). With the budget split in
 * shards, two sign-ins only wait when they pick the same shard.
 */
export const BUDGET_SHARDS = 32;

/**
 * How much of the month's budget one shard may spend: the budget split as evenly as whole
 * numbers allow, so the shards' allowances add up to exactly the budget and the total can never
 * pass it.
 */
export function shardAllowance(monthlyBudget: number, shard: number, shards = BUDGET_SHARDS): number {
  if (monthlyBudget <= 0) return 0;
  return Math.floor(monthlyBudget / shards) + (shard < monthlyBudget % shards ? 1 : 0);
}

/**
 * How many SMS of the month may go to numbers not yet verified (a new phone to confirm): their
 * share of the budget, rounded down, so the rest always stays for codes to verified numbers.
 */
export function unverifiedAllowance(monthlyBudget: number, sharePercent: number): number {
  return Math.max(0, Math.floor((monthlyBudget * sharePercent) / 100));
}
