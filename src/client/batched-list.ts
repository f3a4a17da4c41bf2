/**
 * A list of search results drawn a batch at a time behind a "Show N more" button, for the
 * library's filter and the search page: each result's fragment of the index is fetched only
 * when its batch is drawn.
 */
export interface BatchedList<R> {
	/** Draws the first batch of `results`; the returned function puts them in the list (call it when the rest of the page changes too). */
	prepare(results: R[]): Promise<() => void>;
	/** Empties the list. */
	clear(): void;
}

export function batchedList<R>(list: HTMLElement, more: HTMLElement, batch: number, draw: (result: R) => Promise<HTMLElement>): BatchedList<R> {
	const button = more.querySelector('button')!;
	let results: R[] = [];
	let listed = 0;
	let listing = false;
	// Bumped whenever the list is replaced, so a batch drawn for the old results is dropped.
	let generation = 0;

	const showButton = () => {
		more.hidden = listed >= results.length;
		button.textContent = `Show ${Math.min(batch, results.length - listed)} more`;
	};

	button.addEventListener('click', async () => {
		if (listing) return; // a second press while a batch loads would list it twice
		listing = true;
		const drawnFor = generation;
		try {
			const added = await Promise.all(results.slice(listed, listed + batch).map(draw));
			if (drawnFor !== generation) return;
			list.append(...added);
			listed += added.length;
			showButton();
			// Keyboard and screen-reader users continue at the first item that was added.
			added[0]?.querySelector('a')?.focus();
		} finally {
			listing = false;
		}
	});

	return {
		async prepare(next) {
			const drawn = await Promise.all(next.slice(0, batch).map(draw));
			return () => {
				generation++;
				results = next;
				listed = drawn.length;
				list.replaceChildren(...drawn);
				showButton();
			};
		},
		clear() {
			generation++;
			results = [];
			listed = 0;
			list.replaceChildren();
			more.hidden = true;
		},
	};
}
