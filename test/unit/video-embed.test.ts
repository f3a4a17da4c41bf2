import { describe, expect, it } from 'vitest';
import { embedUrl, startFromHash } from '../../src/lib/video-embed.ts';

describe('embedUrl', () => {
	it('plays YouTube from the privacy-enhanced host, from the given second', () => {
		expect(embedUrl('youtube', 'Fb3rEsh9Kq0', 65.7)).toBe('https://www.youtube-nocookie.com/embed/Fb3rEsh9Kq0?autoplay=1&rel=0&start=65');
	});

	it('plays Vimeo with do-not-track', () => {
		expect(embedUrl('vimeo', '12345', 12)).toBe('https://player.vimeo.com/video/12345?autoplay=1&dnt=1#t=12s');
	});

	it('cannot be steered off the embed path by an id', () => {
		expect(embedUrl('youtube', '../../evil?x=1')).toBe('https://www.youtube-nocookie.com/embed/..%2F..%2Fevil%3Fx%3D1?autoplay=1&rel=0&start=0');
	});
});

describe('startFromHash', () => {
	it('reads #t=<seconds>', () => {
		expect(startFromHash('#t=65')).toBe(65);
		expect(startFromHash('#t=1.5')).toBe(1.5);
	});

	it('is 0 for anything else', () => {
		expect(startFromHash('')).toBe(0);
		expect(startFromHash('#transcript')).toBe(0);
		expect(startFromHash('#t=-3')).toBe(0);
	});
});
