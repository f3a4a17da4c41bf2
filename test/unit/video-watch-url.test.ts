import { describe, expect, it } from 'vitest';
import { watchUrl } from '../../src/lib/video-embed';

describe('watchUrl (chapters and the facade without JavaScript)', () => {
	it('leads to the video on its host, at the chapter’s second', () => {
		expect(watchUrl({ kind: 'youtube', id: 'Fb3rEsh9Kq0' })).toBe('https://www.youtube.com/watch?v=Fb3rEsh9Kq0');
		expect(watchUrl({ kind: 'youtube', id: 'Fb3rEsh9Kq0' }, 34.7)).toBe('https://www.youtube.com/watch?v=Fb3rEsh9Kq0&t=34s');
		expect(watchUrl({ kind: 'vimeo', id: '76979871' }, 65)).toBe('https://vimeo.com/76979871#t=65s');
	});

	it('opens a self-hosted file at the second with a media fragment', () => {
		expect(watchUrl({ kind: 'file', url: '/media/clip.mp4' })).toBe('/media/clip.mp4');
		expect(watchUrl({ kind: 'file', url: '/media/clip.mp4' }, 12)).toBe('/media/clip.mp4#t=12');
	});

	it('escapes an id that is not URL-safe', () => {
		expect(watchUrl({ kind: 'youtube', id: 'a&b' }, 0)).toBe('https://www.youtube.com/watch?v=a%26b');
	});
});
