import type { DataOf } from "../../events/definition.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { wordingDateOf } from "../strategy/wording.js";
import { DocumentRegistered, OrganisationProfiled, OutlineAdopted } from "./events.js";

export type OrganisationProfile = DataOf<typeof OrganisationProfiled>;
export type Outline = DataOf<typeof OutlineAdopted>;
export type DocumentRecord = DataOf<typeof DocumentRegistered>;

export interface PublicationResult {
  /** The profile in force on the period's wording date (its end; a plan's first year's end), else the earliest the log has. */
  readonly profile: OrganisationProfile | null;
  /** The outline in force for each document kind in the year the period starts in (a plan's first year); later recorded wins among the same start year. */
  readonly outlines: Readonly<Record<string, Outline>>;
  /** Document records for a period ending where the report period ends, by kind. */
  readonly documents: Readonly<Record<string, DocumentRecord>>;
}

/** A profile with the date it takes effect from. */
interface DatedProfile {
  readonly from: string;
  readonly data: OrganisationProfile;
}

interface PublicationState {
  /** The profile in force on the wording date: the latest effective by then, ties by log order. */
  profile: DatedProfile | null;
  /** The earliest effective profile after the wording date: the cover's only when none is in force yet. */
  later: DatedProfile | null;
  outlines: Record<string, Outline>;
  documents: Record<string, DocumentRecord>;
}

/** A profile takes effect from its date: the latest in force by the wording date wins, else the earliest still to come. */
const evolveProfile = (state: PublicationState, from: string, data: OrganisationProfile, wordingDate: string): void => {
  if (from <= wordingDate) {
    if (state.profile === null || state.profile.from <= from) state.profile = { from, data };
  } else if (state.later === null || from <= state.later.from) state.later = { from, data };
};

/**
 * The organisation's profile, the outline in force per document kind and the document records
 * of the period's end, as known at the cut-off: a profile or an outline from a later year never
 * rewrites an earlier year's report (a plan 2025–2026 keeps its 2025 outline and name after the
 * 2026 ones are adopted), and one recorded after the known-at date is never read.
 */
export const publicationProjection = defineProjection<PublicationState, PublicationResult>({
  name: "publication",
  description: "Organisation profile in force at the period's end (a plan's: its first year's end), outline in force per document kind in the period's first year, and the document record of the period.",
  // Revision 2: the profile is kept with its effective date, beside the earliest one still to come.
  revision: 2,
  init: () => ({ profile: null, later: null, outlines: {}, documents: {} }),
  evolve: (state, event, { period }) => {
    if (OrganisationProfiled.is(event)) evolveProfile(state, effectiveDateOf(event.effectiveAt) ?? event.effectiveAt, event.data, wordingDateOf(period));
    const year = Number(period.start.slice(0, 4));
    if (OutlineAdopted.is(event) && event.data.fromYear <= year) {
      const known = state.outlines[event.data.documentKind];
      if (known === undefined || known.fromYear <= event.data.fromYear) state.outlines[event.data.documentKind] = event.data;
    }
    if (DocumentRegistered.is(event) && event.data.periodEnd === period.end) state.documents[event.data.documentKind] = event.data;
    return state;
  },
  result: (state) => ({ profile: (state.profile ?? state.later)?.data ?? null, outlines: state.outlines, documents: state.documents }),
});
