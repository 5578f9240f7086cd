import type { DataOf } from "../../events/definition.js";
import { defineProjection } from "../../projection/projection.js";
import { DocumentRegistered, OrganisationProfiled, OutlineAdopted } from "./events.js";

export type OrganisationProfile = DataOf<typeof OrganisationProfiled>;
export type Outline = DataOf<typeof OutlineAdopted>;
export type DocumentRecord = DataOf<typeof DocumentRegistered>;

export interface PublicationResult {
  readonly profile: OrganisationProfile | null;
  /** The outline in force for each document kind in the year the period ends in; later recorded wins among the same start year. */
  readonly outlines: Readonly<Record<string, Outline>>;
  /** Document records for a period ending where the report period ends, by kind. */
  readonly documents: Readonly<Record<string, DocumentRecord>>;
}

interface PublicationState {
  profile: OrganisationProfile | null;
  outlines: Record<string, Outline>;
  documents: Record<string, DocumentRecord>;
}

/**
 * The organisation's profile, the outline in force per document kind and the document records
 * of the period's end, as known at the cut-off: an outline adopted from a later year never
 * rewrites an earlier year's report, and one recorded after the known-at date is never read.
 */
export const publicationProjection = defineProjection<PublicationState, PublicationResult>({
  name: "publication",
  description: "Organisation profile, outline in force per document kind, and the document record of the period.",
  init: () => ({ profile: null, outlines: {}, documents: {} }),
  evolve: (state, event, { period }) => {
    if (OrganisationProfiled.is(event)) state.profile = event.data;
    const year = Number(period.end.slice(0, 4));
    if (OutlineAdopted.is(event) && event.data.fromYear <= year) {
      const known = state.outlines[event.data.documentKind];
      if (known === undefined || known.fromYear <= event.data.fromYear) state.outlines[event.data.documentKind] = event.data;
    }
    if (DocumentRegistered.is(event) && event.data.periodEnd === period.end) state.documents[event.data.documentKind] = event.data;
    return state;
  },
  result: (state) => ({ profile: state.profile, outlines: state.outlines, documents: state.documents }),
});
