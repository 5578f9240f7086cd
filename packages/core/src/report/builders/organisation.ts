/**
 * The organisation's name in the forms the house's Swedish headings need, from its profile
 * (`publication.organisation-profiled`): a report of another organisation names that one, never
 * the example's.
 */

/** Swedish genitive: an s, except after a name that ends in s, x or z ("Kommunal utvecklings", "Nordvik kulturråds", "Fjällbygdens samordningsförbunds"). */
export const genitive = (name: string): string => (/[sxz]$/i.test(name) ? name : `${name}s`);
