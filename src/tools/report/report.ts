/**
 * The results report's one behaviour: show a single category. The report reads in full without
 * it (the charts are drawn when the report is written).
 */
const filter = document.getElementById('category-filter') as HTMLSelectElement | null;

function showCategory(id: string): void {
	for (const section of document.querySelectorAll<HTMLElement>('section.category')) {
		section.hidden = id !== '' && section.dataset.category !== id;
	}
}

filter?.addEventListener('change', () => showCategory(filter.value));
