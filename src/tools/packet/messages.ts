/**
 * What the packet says, in its toolbar: `say` replaces the one message of the moment (export
 * results, refusals), `notice` adds a warning that stays up whatever else is said.
 */
export interface Messages {
	say(text: string, bad: boolean): void;
	notice(id: string, text: string): void;
}

export function toolbarMessages(message: HTMLElement, notices: HTMLElement): Messages {
	return {
		say(text, bad) {
			message.textContent = text;
			message.classList.toggle('bad', Boolean(bad));
		},
		notice(id, text) {
			if (document.getElementById(`notice-${id}`)) return;
			const p = document.createElement('p');
			p.id = `notice-${id}`;
			p.className = 'notice';
			p.textContent = text;
			notices.appendChild(p);
		},
	};
}

/** "1 score", "2 comments". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Why comments on criteria without a score are not in an export. */
export function orphanCommentsText(n: number): string {
	return n === 1
		? '1 comment is on a criterion without a score, so it is not in the file: score that criterion or clear the comment.'
		: `${n} comments are on criteria without a score, so they are not in the file: score those criteria or clear the comments.`;
}

/** Added to an export's message when comments were left out ('' when none were). */
export function leftOutText(n: number): string {
	return n === 0 ? '' : n === 1 ? ' 1 comment on a criterion without a score is not in the file.' : ` ${n} comments on criteria without a score are not in the file.`;
}
