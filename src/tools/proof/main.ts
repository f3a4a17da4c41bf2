/**
 * The approval form of a proof: the reviewer picks who they are, decides, and exports the
 * approval file, downloaded from memory. Nothing is fetched or sent.
 */
import { download } from '../packet/download.ts';
import { approvalFileJson, missingChoices, type ReviewerChoices } from './approval-file.ts';
import { PROOF_DATA_ID, type Decision, type ProofData } from './data.ts';

const data = JSON.parse(document.getElementById(PROOF_DATA_ID)!.textContent!) as ProofData;
const form = document.getElementById('approval-form') as HTMLFormElement;
const person = document.getElementById('reviewer-person') as HTMLSelectElement;
const name = document.getElementById('reviewer-name') as HTMLInputElement;
const title = document.getElementById('reviewer-title') as HTMLInputElement;
const expires = document.getElementById('expires-on') as HTMLInputElement;
const comments = document.getElementById('comments') as HTMLTextAreaElement;
const message = document.getElementById('export-message')!;

// Choosing a person fills in their name and title as the vendor has them; the reviewer may correct them.
person.addEventListener('change', () => {
	const chosen = data.people.find((p) => p.id === person.value);
	if (!chosen) return;
	name.value = chosen.name;
	title.value = chosen.title;
});

function choices(): Partial<ReviewerChoices> {
	const decision = form.querySelector<HTMLInputElement>('input[name="decision"]:checked')?.value as Decision | undefined;
	return { person: person.value, name: name.value, title: title.value, decision, expiresOn: expires.value, comments: comments.value };
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const chosen = choices();
	const missing = missingChoices(chosen);
	if (missing.length) {
		message.textContent = `Before exporting, please ${missing.join('; ')}.`;
		message.className = 'message problem';
		return;
	}
	download(data.fileName, 'application/json', approvalFileJson(data, chosen as ReviewerChoices, new Date().toISOString()));
	message.textContent = `Exported ${data.fileName}. Send this file back to your contact; it is your decision on the text above, and nothing else.`;
	message.className = 'message done';
});
