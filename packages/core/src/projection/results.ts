import type { AnyProjection, ProjectionOf } from "./projection.js";

/**
 * Projection results keyed by the projection object that made them, so each comes back typed
 * by that projection. Builders, figures and the audit read results only through this: no
 * caller names a projection by a string or casts what it gets.
 */
export class ProjectionResults {
  private readonly byProjection = new Map<AnyProjection, unknown>();

  set<R>(projection: ProjectionOf<R>, result: R): this {
    this.byProjection.set(projection, result);
    return this;
  }

  has(projection: AnyProjection): boolean {
    return this.byProjection.has(projection);
  }

  /** The result, or undefined when it was not computed here. */
  get<R>(projection: ProjectionOf<R>): R | undefined {
    // The one place a result is typed back: it was stored by `set` under this same projection object, whose type it has.
    return this.byProjection.get(projection) as R | undefined;
  }

  /** The result, computed by `make` the first time it is asked for. */
  memo<R>(projection: ProjectionOf<R>, make: () => R): R {
    const known = this.get(projection);
    if (known !== undefined) return known;
    const made = make();
    this.set(projection, made);
    return made;
  }
}
