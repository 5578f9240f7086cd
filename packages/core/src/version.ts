/** The version of @tertial/core; a test keeps it equal to package.json's. Saved append states are bound to it. */
export const CORE_VERSION = "0.1.0";
