/**
 * A value frozen all the way down, so that code handed a stored event (a projection's evolve, an
 * upcast) throws where it changes it, instead of changing the event for every later reader. An
 * object already frozen is taken as frozen throughout: only this function freezes events.
 */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
};
