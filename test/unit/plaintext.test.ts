import { describe, expect, it } from 'vitest';
import { markdownToTextBlocks, stripInlineMarkdown } from '../../src/lib/plaintext.ts';

describe('markdownToTextBlocks', () => {
	it('reads headings, paragraphs and lists', () => {
		expect(markdownToTextBlocks('## Why\n\nWe **cut** waste\nby half.\n\n- one\n- two\n\n1. first\n2) second')).toEqual([
			{ kind: 'heading', text: 'Why' },
			{ kind: 'paragraph', text: 'We cut waste by half.' },
			{ kind: 'list', items: ['one', 'two'] },
			{ kind: 'list', items: ['first', 'second'] },
		]);
	});

	it('keeps raw HTML as literal text for the page to escape', () => {
		expect(markdownToTextBlocks('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script>' }]);
	});

	it('ignores blank input', () => {
		expect(markdownToTextBlocks('\n\n  \n')).toEqual([]);
	});
});

describe('stripInlineMarkdown', () => {
	it('keeps link text and drops the URL', () => {
		expect(stripInlineMarkdown('See [our report](https://x.example) now')).toBe('See our report now');
	});
	it('drops emphasis and code markers but not snake_case words', () => {
		expect(stripInlineMarkdown('*fast* and __safe__ `code` in snake_case_name')).toBe('fast and safe code in snake_case_name');
	});
});
