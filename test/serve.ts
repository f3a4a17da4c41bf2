/** A minimal static file server for built sites (loopback only), for browser tests. */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildSite, removeOutDir } from './build-helpers.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.vtt': 'text/vtt',
	'.mp4': 'video/mp4',
	'.wasm': 'application/wasm',
};

/** One response as it went over the wire: headers and (compressed) body. */
export interface SentResponse {
	path: string;
	bytes: number;
}

export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void>; sent: () => SentResponse[] }> {
	const sent: SentResponse[] = [];
	const server: Server = createServer((req, res) => {
		// HTTP/1.1 answers one request at a time per connection, so what the socket wrote between
		// this request and the end of its response is this response, headers included.
		const socket = req.socket;
		const before = socket.bytesWritten;
		res.on('finish', () => sent.push({ path: req.url ?? '/', bytes: socket.bytesWritten - before }));
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		let file = path.join(root, path.normalize(pathname));
		if (!file.startsWith(root)) {
			res.writeHead(403).end();
			return;
		}
		try {
			if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
			statSync(file);
		} catch {
			res.writeHead(404, { 'Content-Type': 'text/html' });
			createReadStream(path.join(root, '404.html')).on('error', () => res.end()).pipe(res);
			return;
		}
		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		// Compress text like a CDN would, so transfer sizes measured here are realistic.
		if (/gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|xml|svg|wasm/.test(type)) {
			res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
			createReadStream(file).pipe(createGzip()).pipe(res);
			return;
		}
		const size = statSync(file).size;
		// Byte ranges, as static hosts serve them: browsers need them to seek in a video.
		const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
		if (range && (range[1] || range[2])) {
			const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
			const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			if (start > end || start >= size) {
				res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
				return;
			}
			res.writeHead(206, { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
			createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Content-Length': size });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())), sent: () => [...sent] };
}

/** Chromium as the project runs it: Debian's build, headless, no background traffic. */
export const CHROMIUM_OPTIONS = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/**
 * For a browser suite: builds `contentDir` once (with `env` on top of the pinned clock), serves it on loopback and launches Chromium in
 * `beforeAll`; tears everything down in `afterAll`. The getters are valid inside tests.
 */
export function builtSiteInChromium(
	contentDir: string,
	env: Record<string, string> = {},
): { readonly url: string; readonly browser: Browser; readonly outDir: string; sent(): SentResponse[] } {
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-e2e-'));
	// A cache of its own: a cold build, as CI makes, and none left behind for a throwaway content copy.
	const cacheDir = mkdtempSync(path.join(tmpdir(), 'credence-e2e-cache-'));
	let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		const build = await buildSite(contentDir, outDir, { CREDENCE_CACHE_DIR: cacheDir, ...env });
		expect(build.code, build.output).toBe(0);
		site = await serveStatic(outDir);
		browser = await chromium.launch(CHROMIUM_OPTIONS);
	}, 180_000);
	afterAll(async () => {
		await browser?.close();
		await site?.close();
		removeOutDir(outDir);
		rmSync(cacheDir, { recursive: true, force: true });
	});
	return {
		get url() {
			return site!.url;
		},
		get browser() {
			return browser!;
		},
		outDir,
		/** What the server has sent so far, Pagefind's Web Worker's fetches included (the page's own network events miss those). */
		sent: () => site!.sent(),
	};
}
