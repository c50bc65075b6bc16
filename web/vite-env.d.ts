/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API's base path when the SPA is served apart from the API. */
  readonly VITE_API_BASE?: string;
}
