/** The only place the web reads its build environment. */
export const env = {
  /** The API's base path; the server serves the SPA from the same origin, so cookies just work. */
  apiBase: import.meta.env.VITE_API_BASE || '/api/v1',
};
