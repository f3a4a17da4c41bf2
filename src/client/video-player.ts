/**
 * The video facade's script: on play (or a chapter link) it replaces the poster with the real
 * player, starting at the chapter's second. Chapter links lead to the video on its host (or the
 * file) at their second, for when this script does not run; it makes them seek here instead and
 * puts `#t=<seconds>` in the address;
 * opening a page at `#t=<seconds>` starts there once the visitor presses play (never before:
 * no request leaves this site until a click).
 */

import { embedUrl, startFromHash } from '../lib/video-embed';

const playerUrl = (player: HTMLElement, start: number) => embedUrl(player.dataset.kind === 'vimeo' ? 'vimeo' : 'youtube', player.dataset.videoId ?? '', start);

function play(player: HTMLElement, start: number): void {
	const existing = player.querySelector<HTMLIFrameElement | HTMLVideoElement>('iframe, video');
	if (existing instanceof HTMLVideoElement) {
		existing.currentTime = start;
		void existing.play().catch(() => {});
		existing.focus();
		return;
	}
	if (existing instanceof HTMLIFrameElement) {
		existing.src = playerUrl(player, start);
		existing.focus();
		return;
	}
	let media: HTMLIFrameElement | HTMLVideoElement;
	if (player.dataset.kind === 'file') {
		const video = document.createElement('video');
		video.controls = true;
		video.autoplay = true;
		video.preload = 'auto';
		video.src = `${player.dataset.src}${start ? `#t=${start}` : ''}`;
		const track = document.createElement('track');
		track.kind = 'captions';
		track.src = player.dataset.captions ?? '';
		track.srclang = player.dataset.srclang ?? 'en';
		track.label = 'Captions';
		track.default = true;
		video.append(track);
		media = video;
	} else {
		const iframe = document.createElement('iframe');
		iframe.src = playerUrl(player, start);
		iframe.title = `${player.dataset.title ?? 'Video'} (video player)`;
		iframe.allow = 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share';
		iframe.allowFullscreen = true;
		iframe.referrerPolicy = 'strict-origin-when-cross-origin';
		media = iframe;
	}
	media.className = 'player-media';
	media.tabIndex = -1;
	player.replaceChildren(media);
	player.classList.add('is-playing');
	media.focus();
}

export function initVideoPlayers(): void {
	const players = [...document.querySelectorAll<HTMLElement>('[data-player]')];
	for (const player of players) {
		const button = player.querySelector<HTMLButtonElement>('[data-play]');
		if (!button) continue;
		// Hidden in the markup: without this script it could do nothing.
		button.hidden = false;
		button.addEventListener('click', () => play(player, startFromHash(location.hash)));
	}
	if (players.length === 0) return;
	document.addEventListener('click', (event) => {
		const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-seek]');
		if (!link) return;
		event.preventDefault();
		history.replaceState(null, '', `#t=${Number(link.dataset.seek)}`);
		play(players[0], Number(link.dataset.seek));
		players[0].scrollIntoView({ block: 'nearest' });
	});
}
