/**
 * Generates the images of the bundled sample content: customer logos (SVG), headshots (PNG),
 * story heroes and video posters (JPEG). Everything is abstract and drawn from SVG, so the
 * sample ships no photographs and no real brands.
 *
 *   node scripts/sample-assets.ts [--content <dir>] [--check] [--prune]
 *
 * The list of images comes from the content files themselves: every `logo`, `headshot`,
 * `hero.src` and `poster.src` that points into `assets/` is (re)drawn. Colours and layouts are
 * derived from each file's id, and a hero's motif from its alt text, so the alt text always
 * describes the picture. Deterministic and idempotent: a file is only rewritten when its bytes
 * change. `--check` writes nothing and exits 1 if any image is missing or out of date.
 * Images in the generated folders that no content file names are listed; `--prune` deletes them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse } from 'yaml';

const projectRoot = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: { content: { type: 'string' }, check: { type: 'boolean', default: false }, prune: { type: 'boolean', default: false } },
});
const contentDir = path.resolve(projectRoot, args.content ?? process.env.CREDENCE_CONTENT_DIR ?? 'content');

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

/** FNV-1a, 32 bit. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (const ch of text) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** Small seeded PRNG (mulberry32): the same id always draws the same picture. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function hsl(h: number, s: number, l: number): string {
	const hue = ((h % 360) + 360) % 360;
	const sat = s / 100;
	const light = l / 100;
	const k = (n: number) => (n + hue / 30) % 12;
	const a = sat * Math.min(light, 1 - light);
	const f = (n: number) => light - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
	const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0');
	return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

/** Hues that make good dark backgrounds; an id picks one, so neighbouring ids still differ. */
const HUES = [200, 212, 226, 244, 262, 282, 318, 342, 4, 18, 158, 172, 188];

/** A palette derived from an id: a base hue, its neighbours and a contrasting accent. */
function palette(id: string) {
	const h = hash(id);
	const hue = HUES[h % HUES.length]! + ((h >>> 8) % 9) - 4;
	const accent = (hue + 150 + ((h >>> 16) % 60)) % 360;
	return {
		hue,
		deep: hsl(hue, 55, 16),
		dark: hsl(hue, 50, 27),
		mid: hsl(hue + 12, 50, 44),
		light: hsl(hue + 25, 55, 72),
		pale: hsl(hue, 45, 93),
		accent: hsl(accent, 80, 62),
		accentSoft: hsl(accent, 65, 80),
	};
}

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const r1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Logos: a geometric mark and the company name, as a small standalone SVG
// ---------------------------------------------------------------------------------------------

function logoSvg(id: string, name: string): string {
	const p = palette(id);
	const rnd = random(hash(`logo:${id}`));
	const shape = hash(`mark:${id}`) % 7;
	const c = p.mid;
	const a = p.accent;
	const marks = [
		// hexagon with an inner facet
		`<path d="M32 6 54.5 19v26L32 58 9.5 45V19Z" fill="${c}"/><path d="M32 6 54.5 19 32 32Z" fill="${a}"/>`,
		// two overlapping circles
		`<circle cx="24" cy="32" r="18" fill="${c}"/><circle cx="40" cy="32" r="18" fill="${a}" fill-opacity="0.85"/>`,
		// rotated square with a notch
		`<path d="M32 4 60 32 32 60 4 32Z" fill="${c}"/><path d="M32 20 44 32 32 44 20 32Z" fill="#ffffff"/>`,
		// rising bars
		`<rect x="6" y="34" width="12" height="24" rx="2" fill="${c}"/><rect x="26" y="20" width="12" height="38" rx="2" fill="${c}"/><rect x="46" y="6" width="12" height="52" rx="2" fill="${a}"/>`,
		// arc and dot
		`<path d="M8 50A26 26 0 0 1 56 30" stroke="${c}" stroke-width="10" fill="none" stroke-linecap="round"/><circle cx="${r1(40 + rnd() * 8)}" cy="46" r="8" fill="${a}"/>`,
		// chevrons
		`<path d="M6 14 26 32 6 50" stroke="${c}" stroke-width="10" fill="none" stroke-linejoin="round"/><path d="M30 14 50 32 30 50" stroke="${a}" stroke-width="10" fill="none" stroke-linejoin="round"/>`,
		// ring with a segment
		`<circle cx="32" cy="32" r="22" stroke="${c}" stroke-width="10" fill="none"/><path d="M32 10A22 22 0 0 1 54 32" stroke="${a}" stroke-width="10" fill="none"/>`,
	];
	const fontSize = 22;
	const textWidth = Math.ceil(name.length * fontSize * 0.56);
	const width = 64 + 14 + textWidth + 8;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="64" viewBox="0 0 ${width} 64" role="img" aria-label="${escapeXml(name)}">`,
		`<title>${escapeXml(name)}</title>`,
		marks[shape],
		`<text x="78" y="40" font-family="'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif" font-size="${fontSize}" font-weight="700" fill="${p.deep}">${escapeXml(name)}</text>`,
		'</svg>',
		'',
	].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Headshots: initials on a coloured circle
// ---------------------------------------------------------------------------------------------

function initials(name: string): string {
	const words = name.split(/\s+/).filter(Boolean);
	return words
		.slice(0, 2)
		.map((w) => w[0]!.toLocaleUpperCase())
		.join('');
}

function headshotSvg(id: string, name: string): string {
	const p = palette(id);
	const rnd = random(hash(`head:${id}`));
	const angle = Math.round(rnd() * 360);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<defs><clipPath id="c"><circle cx="128" cy="128" r="128"/></clipPath></defs>
<g clip-path="url(#c)">
<rect width="256" height="256" fill="${p.mid}"/>
<circle cx="${r1(128 + 150 * Math.cos((angle * Math.PI) / 180))}" cy="${r1(128 + 150 * Math.sin((angle * Math.PI) / 180))}" r="140" fill="${p.dark}" fill-opacity="0.55"/>
</g>
<text x="128" y="152" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="84" font-weight="700" fill="#ffffff">${escapeXml(initials(name))}</text>
</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Heroes and posters: abstract motifs over a gradient
// ---------------------------------------------------------------------------------------------

type Motif = 'fan' | 'network' | 'bars' | 'circles' | 'rings' | 'waves' | 'grid' | 'routes';
const MOTIFS: Motif[] = ['fan', 'network', 'bars', 'circles', 'rings', 'waves', 'grid', 'routes'];

/** The motif named by an alt text ("…forecast bands fanning out…" → fan); by id otherwise. */
function motifFor(id: string, alt: string): Motif {
	const text = alt.toLowerCase();
	const rules: [RegExp, Motif][] = [
		[/fann|forecast band/, 'fan'],
		[/network|nodes/, 'network'],
		[/bars/, 'bars'],
		[/rings/, 'rings'],
		[/wave/, 'waves'],
		[/grid|squares/, 'grid'],
		[/routes|curving lines/, 'routes'],
		[/circles/, 'circles'],
	];
	return rules.find(([re]) => re.test(text))?.[1] ?? MOTIFS[hash(id) % MOTIFS.length]!;
}

function motifShapes(motif: Motif, id: string, w: number, h: number): string {
	const p = palette(id);
	const rnd = random(hash(`motif:${id}`));
	const out: string[] = [];
	switch (motif) {
		case 'fan': {
			const x0 = w * 0.42;
			const y0 = h * (0.55 + rnd() * 0.1);
			const slope = -0.18 - rnd() * 0.12;
			const endY = y0 + slope * (w - x0);
			[0.36, 0.25, 0.15, 0.06].forEach((spread, i) => {
				out.push(`<path d="M${r1(x0)} ${r1(y0)} L${w} ${r1(endY - spread * h)} L${w} ${r1(endY + spread * h)} Z" fill="${i % 2 ? p.accentSoft : p.light}" fill-opacity="${r1(0.16 + i * 0.08)}"/>`);
			});
			// the history: a seasonal random walk that ends where the fan starts
			const steps = 36;
			const walk: number[] = [];
			let level = 0;
			for (let i = 0; i < steps; i++) {
				level += (rnd() - 0.5) * 0.05;
				walk.push(level + 0.06 * Math.sin(i / 2.2));
			}
			const shift = walk[steps - 1]!;
			const pts = walk.map((v, i) => `${r1((x0 * i) / (steps - 1))},${r1(y0 + (v - shift) * h - slope * (x0 - (x0 * i) / (steps - 1)) * 0.6)}`);
			out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${p.pale}" stroke-width="${r1(w / 300)}" stroke-linejoin="round"/>`);
			out.push(`<line x1="${r1(x0)}" y1="${r1(y0)}" x2="${w}" y2="${r1(endY)}" stroke="${p.accent}" stroke-width="${r1(w / 400)}" stroke-dasharray="${r1(w / 100)} ${r1(w / 160)}"/>`);
			out.push(`<circle cx="${r1(x0)}" cy="${r1(y0)}" r="${r1(w / 160)}" fill="${p.accent}"/>`);
			break;
		}
		case 'network': {
			const nodes = Array.from({ length: 22 }, () => [w * (0.05 + rnd() * 0.9), h * (0.08 + rnd() * 0.84)] as const);
			nodes.forEach(([x, y], i) => {
				const near = nodes
					.map(([nx, ny], j) => ({ j, d: Math.hypot(nx - x, ny - y) }))
					.filter((n) => n.j > i)
					.sort((a, b) => a.d - b.d)
					.slice(0, 2);
				for (const n of near) {
					const [nx, ny] = nodes[n.j]!;
					out.push(`<line x1="${r1(x)}" y1="${r1(y)}" x2="${r1(nx)}" y2="${r1(ny)}" stroke="${p.light}" stroke-opacity="0.45" stroke-width="${r1(w / 500)}"/>`);
				}
			});
			nodes.forEach(([x, y], i) => {
				const r = (i % 5 === 0 ? 0.018 : 0.009) * w;
				out.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r)}" fill="${i % 5 === 0 ? p.accent : p.pale}"/>`);
			});
			break;
		}
		case 'bars': {
			const n = 24;
			const bw = w / n;
			for (let i = 0; i < n; i++) {
				const bh = h * (0.15 + 0.55 * (0.5 + 0.5 * Math.sin(i / 3 + rnd())) * (0.6 + rnd() * 0.4));
				out.push(`<rect x="${r1(i * bw + bw * 0.18)}" y="${r1(h - bh)}" width="${r1(bw * 0.64)}" height="${r1(bh)}" rx="${r1(bw * 0.12)}" fill="${i % 7 === 3 ? p.accent : p.light}" fill-opacity="${i % 7 === 3 ? 0.9 : 0.35}"/>`);
			}
			break;
		}
		case 'circles': {
			for (let i = 0; i < 9; i++) {
				const r = w * (0.06 + rnd() * 0.16);
				out.push(`<circle cx="${r1(w * rnd())}" cy="${r1(h * rnd())}" r="${r1(r)}" fill="${i % 3 === 0 ? p.accent : i % 3 === 1 ? p.light : p.mid}" fill-opacity="${r1(0.22 + rnd() * 0.2)}"/>`);
			}
			break;
		}
		case 'rings': {
			for (let c = 0; c < 3; c++) {
				const cx = w * (0.15 + rnd() * 0.7);
				const cy = h * (0.2 + rnd() * 0.6);
				for (let k = 1; k <= 6; k++) {
					out.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(k * w * 0.035)}" fill="none" stroke="${c === 0 ? p.accent : p.light}" stroke-opacity="${r1(0.65 - k * 0.08)}" stroke-width="${r1(w / 400)}"/>`);
				}
				out.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(w * 0.01)}" fill="${c === 0 ? p.accent : p.pale}"/>`);
			}
			break;
		}
		case 'waves': {
			for (let k = 0; k < 6; k++) {
				const base = h * (0.45 + k * 0.1);
				const amp = h * (0.04 + rnd() * 0.05);
				const phase = rnd() * Math.PI * 2;
				const pts: string[] = [];
				for (let x = 0; x <= w; x += w / 40) pts.push(`L${r1(x)} ${r1(base + amp * Math.sin((x / w) * Math.PI * 3 + phase))}`);
				out.push(`<path d="M0 ${h} ${pts.join(' ')} L${w} ${h} Z" fill="${k === 2 ? p.accent : p.light}" fill-opacity="${k === 2 ? 0.35 : 0.14}"/>`);
			}
			break;
		}
		case 'grid': {
			const cols = 24;
			const size = w / cols;
			const rows = Math.ceil(h / size);
			for (let y = 0; y < rows; y++) {
				for (let x = 0; x < cols; x++) {
					const v = rnd();
					if (v < 0.35) continue;
					const hot = v > 0.95;
					out.push(`<rect x="${r1(x * size + size * 0.15)}" y="${r1(y * size + size * 0.15)}" width="${r1(size * 0.7)}" height="${r1(size * 0.7)}" rx="${r1(size * 0.1)}" fill="${hot ? p.accent : p.light}" fill-opacity="${hot ? 0.9 : r1(0.06 + v * 0.12)}"/>`);
				}
			}
			break;
		}
		case 'routes': {
			for (let k = 0; k < 7; k++) {
				const y = h * (0.15 + k * 0.11);
				const c1 = h * (rnd() - 0.5) * 0.6;
				const c2 = h * (rnd() - 0.5) * 0.6;
				out.push(`<path d="M${r1(-w * 0.05)} ${r1(y)} C${r1(w * 0.3)} ${r1(y + c1)}, ${r1(w * 0.65)} ${r1(y + c2)}, ${r1(w * 1.05)} ${r1(y + c1 * 0.3)}" fill="none" stroke="${k === 3 ? p.accent : p.light}" stroke-opacity="${k === 3 ? 0.9 : 0.35}" stroke-width="${r1(w / (k === 3 ? 220 : 360))}" stroke-linecap="round"/>`);
			}
			for (let i = 0; i < 14; i++) out.push(`<circle cx="${r1(w * rnd())}" cy="${r1(h * (0.12 + rnd() * 0.76))}" r="${r1(w * 0.005)}" fill="${p.pale}" fill-opacity="0.7"/>`);
			break;
		}
	}
	return out.join('\n');
}

function backgroundSvg(id: string, motif: Motif, w: number, h: number, overlay = ''): string {
	const p = palette(id);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.deep}"/><stop offset="0.6" stop-color="${p.dark}"/><stop offset="1" stop-color="${p.mid}"/></linearGradient>
<radialGradient id="glow" cx="0.8" cy="0.2" r="0.6"><stop offset="0" stop-color="${p.accent}" stop-opacity="0.28"/><stop offset="1" stop-color="${p.accent}" stop-opacity="0"/></radialGradient>
</defs>
<rect width="${w}" height="${h}" fill="url(#bg)"/>
<rect width="${w}" height="${h}" fill="url(#glow)"/>
${motifShapes(motif, id, w, h)}
${overlay}
</svg>`;
}

/** Splits a title into lines of at most `max` characters. */
function wrapLines(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && `${line} ${word}`.length > max) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

function posterSvg(id: string, motif: Motif, customerName: string, title: string): string {
	const w = 1280;
	const h = 720;
	const rest = title.includes(': ') ? title.slice(title.indexOf(': ') + 2) : title;
	const heading = rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
	const lines = wrapLines(heading, 26);
	const lineHeight = 74;
	const top = h - 120 - lines.length * lineHeight;
	const p = palette(id);
	const overlay = [
		`<rect x="0" y="${top - 110}" width="${w}" height="${h - top + 110}" fill="${p.deep}" fill-opacity="0.55"/>`,
		`<rect x="80" y="${top - 62}" width="64" height="6" fill="${p.accent}"/>`,
		`<text x="80" y="${top - 20}" font-family="DejaVu Sans, Arial, sans-serif" font-size="30" fill="${p.pale}" letter-spacing="1">${escapeXml(customerName.toUpperCase())}</text>`,
		...lines.map((line, i) => `<text x="80" y="${top + 60 + i * lineHeight}" font-family="DejaVu Sans, Arial, sans-serif" font-size="60" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`),
		`<text x="80" y="${h - 60}" font-family="DejaVu Sans, Arial, sans-serif" font-size="24" fill="${p.accentSoft}">Customer video</text>`,
	].join('\n');
	return backgroundSvg(id, motif, w, h, overlay);
}

// ---------------------------------------------------------------------------------------------
// Reading the content: which images are needed
// ---------------------------------------------------------------------------------------------

interface Job {
	/** Absolute path of the image to write. */
	target: string;
	render: () => Promise<Buffer>;
}

const readYaml = (file: string): Record<string, any> => parse(readFileSync(file, 'utf8')) ?? {};
const readFrontmatter = (file: string): Record<string, any> => {
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
	return match ? (parse(match[1]!) ?? {}) : {};
};
const filesIn = (folder: string, ext: RegExp) =>
	existsSync(folder) ? readdirSync(folder).filter((f) => ext.test(f)).sort().map((f) => path.join(folder, f)) : [];
/** Resolves an image field relative to its entry file; only paths inside content/assets are ours to draw. */
function assetTarget(entryFile: string, value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const target = path.resolve(path.dirname(entryFile), value);
	return target.startsWith(path.join(contentDir, 'assets') + path.sep) ? target : undefined;
}
const idOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

const jobs: Job[] = [];
const customerNames = new Map<string, string>();

for (const file of filesIn(path.join(contentDir, 'customers'), /\.ya?ml$/)) {
	const data = readYaml(file);
	const id = idOf(file);
	customerNames.set(id, String(data.name ?? id));
	const target = assetTarget(file, data.logo);
	if (target) jobs.push({ target, render: async () => Buffer.from(logoSvg(id, String(data.name ?? id))) });
}

for (const file of filesIn(path.join(contentDir, 'people'), /\.ya?ml$/)) {
	const data = readYaml(file);
	const id = idOf(file);
	const target = assetTarget(file, data.headshot);
	if (target) {
		jobs.push({
			target,
			render: () =>
				sharp(Buffer.from(headshotSvg(id, String(data.name ?? id))))
					.png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 })
					.toBuffer(),
		});
	}
}

for (const file of filesIn(path.join(contentDir, 'stories'), /\.mdx?$/)) {
	const data = readFrontmatter(file);
	const id = idOf(file);
	const target = assetTarget(file, data.hero?.src);
	if (target) {
		const motif = motifFor(id, String(data.hero?.alt ?? ''));
		jobs.push({
			target,
			render: () => sharp(Buffer.from(backgroundSvg(id, motif, 1600, 900))).jpeg({ quality: 70, mozjpeg: true }).toBuffer(),
		});
	}
}

for (const file of filesIn(path.join(contentDir, 'videos'), /\.ya?ml$/)) {
	const data = readYaml(file);
	const id = idOf(file);
	const target = assetTarget(file, data.poster?.src);
	if (target) {
		const motif = motifFor(id, String(data.poster?.alt ?? ''));
		const customer = customerNames.get(String(data.customer)) ?? '';
		jobs.push({
			target,
			render: () => sharp(Buffer.from(posterSvg(id, motif, customer, String(data.title ?? id)))).jpeg({ quality: 72, mozjpeg: true }).toBuffer(),
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Write (or check)
// ---------------------------------------------------------------------------------------------

let written = 0;
let unchanged = 0;
let stale = 0;
let bytes = 0;
for (const job of jobs) {
	const buffer = await job.render();
	bytes += buffer.length;
	const current = existsSync(job.target) ? readFileSync(job.target) : undefined;
	if (current && current.equals(buffer)) {
		unchanged++;
		continue;
	}
	const shown = path.relative(projectRoot, job.target);
	if (args.check) {
		console.log(`${current ? 'out of date' : 'missing'}: ${shown}`);
		stale++;
		continue;
	}
	mkdirSync(path.dirname(job.target), { recursive: true });
	writeFileSync(job.target, buffer);
	written++;
}

/** Generated folders: anything in them that no content file names is left over from a rename. */
const GENERATED = ['logos', 'headshots', 'heroes', 'posters'].map((folder) => path.join(contentDir, 'assets', folder));
const wanted = new Set(jobs.map((job) => job.target));
const orphans = GENERATED.flatMap((folder) => filesIn(folder, /\.(svg|png|jpe?g)$/)).filter((file) => !wanted.has(file));
for (const file of orphans) {
	const shown = path.relative(projectRoot, file);
	if (args.prune && !args.check) {
		rmSync(file);
		console.log(`removed unused ${shown}`);
	} else {
		console.log(`unused (delete with --prune): ${shown}`);
	}
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
if (args.check) {
	console.log(`${jobs.length} images, ${stale} missing or out of date (${kb(bytes)} in total)`);
	process.exit(stale ? 1 : 0);
}
console.log(`${jobs.length} images: ${written} written, ${unchanged} unchanged (${kb(bytes)} in total)`);
