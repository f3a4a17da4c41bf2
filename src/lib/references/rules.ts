/**
 * The reference program's cross-file rules, run by `check`: every advocate is a person of the
 * customer named, every activity names a known advocate, sits in its year's file and uses
 * evidence that exists; activities logged for an advocate who is resting or retired, or of a kind
 * they did not agree to, are warned about.
 */
import type { ContentIndex } from '../content/integrity.ts';
import { error, warning, type Diagnostic } from '../diagnostics.ts';
import { REFERENCE_KINDS } from '../../schemas/reference.ts';
import { closestSpelling } from '../spelling.ts';
import type { ReferenceData } from './load.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The rules' diagnostics for `references`, against the checked content `index`. */
export function checkReferences(index: ContentIndex, references: ReferenceData): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const { file, data } of references.advocates.values()) {
		const person = index.people.get(data.person)?.data;
		if (!index.customers.has(data.customer)) out.push(error(file, 'customer', `expected the id of a customer in customers/, found "${data.customer}"`));
		if (!person) {
			out.push(error(file, 'person', `expected the id of a person in people/, found "${data.person}": add the person first (role customer)`));
			continue;
		}
		if (person.role !== 'customer') out.push(error(file, 'person', `expected a person of a customer (role customer), found ${data.person}, whose role is ${person.role}: advocates are customers' people`));
		else if (person.customer !== data.customer) out.push(error(file, 'customer', `expected ${data.person}'s customer, "${person.customer}" (people/${data.person}.yaml), found "${data.customer}"`));
	}
	for (const { file, index: i, year, data } of references.activities) {
		const at = (field: string) => `activities[${i}]${field ? `.${field}` : ''}`;
		if (data.date.getUTCFullYear() !== year) out.push(error(file, at('date'), `expected a date in ${year} (this file holds ${year}'s activities), found ${day(data.date)}: move the activity to activities/${data.date.getUTCFullYear()}.yaml`));
		const advocate = references.advocates.get(data.advocate);
		if (!advocate) {
			const known = [...references.advocates.keys()];
			const near = closestSpelling(data.advocate, known);
			out.push(error(file, at('advocate'), `expected the id of an advocate (a file in references/advocates/), found "${data.advocate}"${near ? ` (did you mean ${near}?)` : known.length ? `; known advocates: ${known.join(', ')}` : ''}`));
		} else {
			const { stage, stageSince, agreedTo } = advocate.data;
			if ((stage === 'resting' || stage === 'retired') && data.date.getTime() >= stageSince.getTime()) {
				out.push(warning(file, at('advocate'), `${data.advocate} is ${stage} (since ${day(stageSince)}), but was asked on ${day(data.date)}: ask someone else, or set their stage back to active in ${advocate.file}`));
			}
			if (!agreedTo.includes(data.kind)) {
				out.push(warning(file, at('kind'), `${data.advocate} did not agree to ${/^[aeiou]/i.test(REFERENCE_KINDS[data.kind]) ? 'an' : 'a'} ${REFERENCE_KINDS[data.kind].toLowerCase()} (agreed to: ${agreedTo.join(', ')}): check with them, then add ${data.kind} to agreedTo in ${advocate.file}`));
			}
		}
		data.evidence.stories.forEach((id, k) => {
			if (!index.stories.has(id)) out.push(error(file, at(`evidence.stories[${k}]`), `expected the id of a story in stories/, found "${id}"`));
		});
		data.evidence.videos.forEach((id, k) => {
			if (!index.videos.has(id)) out.push(error(file, at(`evidence.videos[${k}]`), `expected the id of a video in videos/, found "${id}"`));
		});
		data.evidence.entries.forEach((id, k) => {
			if (!index.awardEntries.has(id)) out.push(error(file, at(`evidence.entries[${k}]`), `expected the id of an award entry, <program>/<entry>, found "${id}"`));
		});
	}
	return out;
}
