/**
 * What a module handed to `createCatalog` lacks, as a plain-JavaScript caller may build one: each
 * part the catalog and every later read rely on, checked once when the catalog is made, so that a
 * missing description or a rule without `check` is named there, not met as a TypeError at the
 * first append or report.
 */

type Loose = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const isFunction = (value: unknown): boolean => typeof value === "function";
const isCodec = (value: unknown): boolean => isObject(value) && isFunction(value.is) && isFunction(value.decode);
const nameOf = (value: unknown, field: string, fallback: string): string => (isObject(value) && typeof value[field] === "string" ? `"${value[field]}"` : fallback);

/** Each function-valued field of `part` that is not a function. */
const missingFunctions = (part: Loose, where: string, fields: readonly string[], optional: readonly string[] = []): string[] => [
  ...fields.filter((field) => !isFunction(part[field])).map((field) => `${where} needs ${field}, a function`),
  ...optional.filter((field) => part[field] !== undefined && !isFunction(part[field])).map((field) => `${where}'s ${field} must be a function`),
];

const versionProblems = (version: unknown, where: string, number: number): string[] => {
  if (!isObject(version)) return [`${where} is not an object`];
  return [...(version.version === number ? [] : [`${where} must be version ${number}: versions are numbered 1, 2, … oldest first`]), ...(isCodec(version.data) ? [] : [`${where} needs data, an io-ts codec`])];
};

/** Whether `latest` is the last version: the same entry, or one with its number and codec. */
const isLast = (latest: unknown, last: unknown): boolean => latest === last || (isObject(latest) && isObject(last) && latest.version === last.version && latest.data === last.data);

const eventProblems = (definition: unknown, where: string): string[] => {
  if (!isObject(definition)) return [`${where} is not an event type (make one with defineEvent)`];
  const named = `${where} (${nameOf(definition, "type", "no type")})`;
  if (!isText(definition.type)) return [`${named} needs a type, e.g. "domain.fact-happened"`];
  const versions = definition.versions;
  return [
    ...(typeof definition.description === "string" ? [] : [`${named} needs a description`]),
    ...(Array.isArray(versions) && versions.length > 0 ? versions.flatMap((version, index) => versionProblems(version, `${named}'s versions[${index}]`, index + 1)) : [`${named} needs versions, a list of at least one (make it with defineEvent)`]),
    ...(Array.isArray(versions) && versions.length > 0 && !isLast(definition.latest, versions[versions.length - 1]) ? [`${named}'s latest must be the last of its versions`] : []),
    ...missingFunctions(definition, named, ["is"]),
  ];
};

const listProblems = (value: unknown, where: string, each: (item: unknown, itemWhere: string) => string[], required: boolean): string[] => {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) return [`${where} must be a list`];
  return value.flatMap((item, index) => each(item, `${where}[${index}]`));
};

const ruleProblems = (rule: unknown, where: string): string[] => {
  if (!isObject(rule)) return [`${where} is not a consistency rule`];
  const named = `${where} (${nameOf(rule, "name", "no name")})`;
  return [...(isText(rule.name) ? [] : [`${named} needs a name`]), ...missingFunctions(rule, named, ["init", "check", "learn"], ["forget", "withFigures"])];
};

const projectionProblems = (projection: unknown, where: string): string[] => {
  if (!isObject(projection)) return [`${where} is not a projection`];
  const named = `${where} (${nameOf(projection, "name", "no name")})`;
  return [...(isText(projection.name) ? [] : [`${named} needs a name`]), ...missingFunctions(projection, named, ["init", "evolve", "result"], ["save", "load"])];
};

const figureProblems = (figure: unknown, where: string): string[] => {
  if (!isObject(figure)) return [`${where} is not a figure`];
  const named = `${where} (${nameOf(figure, "key", "no key")})`;
  return [
    ...(typeof figure.key === "string" ? [] : [`${named} needs a key, e.g. "domain.figure-name"`]),
    ...(typeof figure.description === "string" ? [] : [`${named} needs a description`]),
    ...(isObject(figure.projection) ? [] : [`${named} needs the projection it is computed over`]),
  ];
};

/** Every problem with the shape of `modules`, one sentence each; empty when the catalog can be made. */
export const moduleShapeProblems = (modules: unknown): string[] => {
  if (!Array.isArray(modules)) return [`createCatalog takes a list of modules, not ${modules === null ? "null" : typeof modules}: createCatalog([module])`];
  return modules.flatMap((module, index) => {
    if (!isObject(module)) return [`module ${index + 1} is not an object`];
    const where = `module ${nameOf(module, "name", String(index + 1))}`;
    return [
      ...(typeof module.name === "string" ? [] : [`${where} needs a name`]),
      ...listProblems(module.events, `${where}'s events`, eventProblems, true),
      ...listProblems(module.rules, `${where}'s rules`, ruleProblems, false),
      ...listProblems(module.projections, `${where}'s projections`, projectionProblems, false),
      ...listProblems(module.figures, `${where}'s figures`, figureProblems, false),
    ];
  });
};
