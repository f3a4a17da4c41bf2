/** Rendered entries are stored without the metadata no page reads (the front matter copy, the headings), and otherwise as the wrapped loader gave them. */
import type { Loader } from 'astro/loaders';
import { expect, it } from 'vitest';
import { withoutUnreadMetadata, withoutUnreadRenderedMetadata } from '../../src/loaders/without-unread-metadata.ts';

/** A store that records what it is given; `keys` and `delete` count as the data store's own methods. */
function recordingStore() {
	const stored = new Map<string, Record<string, unknown>>();
	return {
		stored,
		store: {
			set: (entry: Record<string, unknown> & { id: string }) => (stored.set(entry.id, entry), true),
			keys: () => [...stored.keys()],
			delete: (id: string) => void stored.delete(id),
		},
	};
}

const rendered = {
	html: '<p>Body</p>',
	metadata: { frontmatter: { title: 'A story', customer: 'acme' }, headings: [{ depth: 2, slug: 'x', text: 'X' }], imagePaths: ['./hero.jpg'] },
};

it('drops rendered.metadata.frontmatter and .headings and keeps the HTML, the image paths and the data', async () => {
	const { stored, store } = recordingStore();
	const inner: Loader = {
		name: 'inner',
		load: async ({ store }) => {
			store.set({ id: 'a', data: { title: 'A story' }, digest: 'd1', filePath: 'stories/a.md', rendered });
			store.set({ id: 'b', data: { name: 'Acme' }, digest: 'd2' });
			store.delete('gone');
			expect(store.keys()).toEqual(['a', 'b']);
		},
	};
	const loader = withoutUnreadRenderedMetadata(inner);
	expect(loader.name).toBe('inner');
	await loader.load({ store } as never);
	expect(stored.get('a')).toEqual({
		id: 'a',
		data: { title: 'A story' },
		digest: 'd1',
		filePath: 'stories/a.md',
		rendered: { html: '<p>Body</p>', metadata: { imagePaths: ['./hero.jpg'] } },
	});
	expect(stored.get('b')).toEqual({ id: 'b', data: { name: 'Acme' }, digest: 'd2' });
	// The loader's own entry is left as it was (the glob loader may still hold it).
	expect(rendered.metadata.frontmatter).toEqual({ title: 'A story', customer: 'acme' });
	expect(rendered.metadata.headings).toEqual([{ depth: 2, slug: 'x', text: 'X' }]);
});

it('passes an entry with nothing to drop through unchanged', () => {
	const entry = { id: 'x', data: {}, rendered: { html: '', metadata: { imagePaths: [] } } };
	expect(withoutUnreadMetadata(entry)).toBe(entry);
	const plain = { id: 'y', data: {} };
	expect(withoutUnreadMetadata(plain)).toBe(plain);
});
