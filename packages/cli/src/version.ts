/** The version `tertial --version` prints and reports carry in their provenance; a test keeps it equal to package.json's. */
export const VERSION = "0.1.0";
