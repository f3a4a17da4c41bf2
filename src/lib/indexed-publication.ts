/**
 * The publication rule (publication.ts) applied to an item of the checked content index, as the
 * site applies it: with its customer (whose withdrawal takes it down) and the approved fields
 * changed since (which take it down unless site.yaml says `approvalChanges: warn`). The awards
 * CLI and the reference program ask this, so they see as public exactly what the site shows.
 */
import type { ContentIndex } from './content/integrity.ts';
import type { ValidEntry } from './content/validate.ts';
import { publicationState, type PublicationState } from './publication.ts';
import type { Publishable } from '../schemas/common.ts';

export function indexedPublicationState(index: ContentIndex, entry: ValidEntry<Publishable & { customer: string }>, now: Date): PublicationState {
	return publicationState(entry.data, now, { customer: index.customers.get(entry.data.customer)?.data, changedSinceApproval: index.withdrawingChanges.get(entry) ?? [] });
}
