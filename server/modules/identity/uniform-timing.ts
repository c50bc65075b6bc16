/**
 * Signed-out answers about an e-mail address (forgot password, register, resend activation)
 * must take the same time whether or not an account has it (SPEC §3.7, §3.10). The work
 * differs (a link, a message, or nothing), so the answer waits until a fixed floor has passed
 * that is longer than the work normally takes.
 */
export const UNIFORM_ANSWER_MS = 400;

export async function withUniformTiming<T>(work: () => Promise<T>, floorMs = UNIFORM_ANSWER_MS): Promise<T> {
  const started = performance.now();
  const settle = () => new Promise((resolve) => setTimeout(resolve, Math.max(0, floorMs - (performance.now() - started))));
  try {
    const result = await work();
    await settle();
    return result;
  } catch (error) {
    await settle();
    throw error;
  }
}
