/**
 * A synthetic evidence corpus of any size, valid against the real schemas (`npm run check`
 * passes on it): customers, people, co-authored stories with metrics, videos with captions, and
 * award programs with entries and judges, in the sample's mix and lengths, sharing the sample's
 * images. Deterministic for a seed. Used by the benchmark harness (`npm run bench`).
 *
 *   node scripts/bench/corpus.ts --items 1000 --out /tmp/corpus [--seed 1]
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { seededRandom, type Random } from '../../src/lib/awards/random.ts';
import { INDUSTRIES, REGIONS, SIZES } from '../../src/schemas/taxonomy.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const sample = path.join(projectRoot, 'content');

/** Share of items of each kind, as in the sample library. */
export const MIX = { stories: 0.55, videos: 0.15, entries: 0.3 } as const;

/** Words of the vendor's domain, as metric labels use them and as the text mentions them. */
const DOMAIN_WORDS = (
	'forecast demand planner inventory supplier route depot warehouse lead time service level stock-out ' +
	'safety stock replenishment capacity schedule maintenance spare part network telemetry sensor model ' +
	'accuracy baseline week quarter region store shelf order customer team operations finance data ' +
	'dashboard exception review meeting decision promise shipment carrier lane freight fleet vehicle ' +
	'production line batch waste margin cost budget target pilot rollout adoption trust process'
).split(' ');
const FUNCTION_WORDS = 'the of and to a in for is on that by with we our it as at from was were this be are an or which but not have has more than each every they their when after before into about per so only all new one two also its'.split(' ');
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'ka', 'le', 'mi', 'no', 'pu', 're', 'se', 'ti', 'vo', 'zu', 'bre', 'cla', 'dro', 'fle', 'gri', 'pla', 'stra', 'tri', 'ven', 'mor', 'lin', 'dar', 'sel', 'tun', 'kor'];
const VOCABULARY_SIZE = 20_000;

/**
 * The text's vocabulary, most frequent first. Function words lead; the domain words are spread
 * from common (rank ~100) to rare (rank ~9,000); invented words fill the long tail.
 */
const VOCABULARY: readonly string[] = (() => {
	const tail: string[] = [];
	for (let i = 900; tail.length < VOCABULARY_SIZE; i++) {
		let word = '';
		for (let n = i; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
		tail.push(word);
	}
	DOMAIN_WORDS.forEach((word, k) => tail.splice(Math.floor(30 * 1.08 ** k), 0, word));
	return [...FUNCTION_WORDS, ...tail].slice(0, VOCABULARY_SIZE);
})();

/**
 * Cumulative Zipf weights (the word of rank r is drawn with probability ∝ 1/r), as in natural
 * language. With a uniform 75-word vocabulary every word was on every page: every search matched
 * the whole library, and every chunk of the search index listed every page.
 */
const ZIPF: Float64Array = (() => {
	const cumulative = new Float64Array(VOCABULARY.length);
	let sum = 0;
	for (let r = 0; r < VOCABULARY.length; r++) cumulative[r] = sum += 1 / (r + 1);
	return cumulative;
})();

function word(random: Random): string {
	const target = random.float() * ZIPF[ZIPF.length - 1];
	let low = 0;
	let high = ZIPF.length - 1;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (ZIPF[mid] < target) low = mid + 1;
		else high = mid;
	}
	return VOCABULARY[low];
}

const HEADINGS = ['Where we started', 'What we changed', 'How we measured it', 'What the numbers say', 'What we would do again', 'What comes next'];
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jon', 'Kai', 'Lina', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara'];
const LAST = ['Alvarez', 'Brennan', 'Cho', 'Dahl', 'Eze', 'Fischer', 'Gupta', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okoro', 'Petrov', 'Quispe', 'Rossi', 'Silva', 'Tanaka'];
const COMPANY_A = ['Amber', 'Birch', 'Cobalt', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Orchard', 'Pioneer', 'Quarry', 'Riverside', 'Summit', 'Tidewater'];
const COMPANY_B = ['Foods', 'Logistics', 'Health', 'Energy', 'Retail', 'Networks', 'Manufacturing', 'Transit', 'Pharmacy', 'Supply'];

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)];
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const day = (random: Random, fromYear: number, toYear: number) => `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

function sentence(random: Random, words = random.int(9, 22)): string {
	const list = Array.from({ length: words }, () => word(random));
	const text = list.join(' ');
	return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: Random, sentences = random.int(3, 6)): string {
	return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

/** A Markdown body of roughly `words` words, with headings and one list. */
function body(random: Random, words: number): string {
	const parts: string[] = [];
	let count = 0;
	let section = 0;
	while (count < words) {
		if (section < HEADINGS.length && count >= section * (words / 4)) parts.push(`## ${HEADINGS[section++]}`);
		const p = paragraph(random);
		parts.push(p);
		count += p.split(' ').length;
		if (section === 2 && !parts.some((x) => x.startsWith('- '))) parts.push(Array.from({ length: 3 }, () => `- ${sentence(random, 7)}`).join('\n'));
	}
	return `${parts.join('\n\n')}\n`;
}

/** 75 → "01:15.000" */
const vttTime = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;

const frontmatter = (data: unknown, text: string) => `---\n${stringify(data)}---\n\n${text}`;

/** The instant the benchmark builds the corpus at: its dates (2020–2026, approvals to 2030) are drawn around it, so the same corpus builds the same site whenever the benchmark runs. */
export const BENCH_NOW = '2026-11-23T12:00:00Z';

export interface CorpusSummary {
	items: number;
	stories: number;
	videos: number;
	entries: number;
	customers: number;
	people: number;
	programs: number;
}

/** Writes a corpus of `items` evidence items into `outDir` (replacing it). */
export function generateCorpus(outDir: string, items: number, seed = 1): CorpusSummary {
	const random = seededRandom(seed);
	rmSync(outDir, { recursive: true, force: true });
	for (const folder of ['products', 'customers', 'people', 'stories', 'videos', 'awards']) mkdirSync(path.join(outDir, folder), { recursive: true });
	// Shared images: the sample's, so image processing is realistic but bounded.
	cpSync(path.join(sample, 'assets'), path.join(outDir, 'assets'), { recursive: true });
	cpSync(path.join(sample, 'products'), path.join(outDir, 'products'), { recursive: true });
	const images = (folder: string) => readdirSync(path.join(outDir, 'assets', folder)).sort();
	const [logos, headshots, heroes, posters] = ['logos', 'headshots', 'heroes', 'posters'].map(images);
	const products = readdirSync(path.join(outDir, 'products')).map((f) => f.replace(/\.yaml$/, '')).sort();

	writeFileSync(path.join(outDir, 'site.yaml'), stringify({ title: 'Benchmark Evidence', description: `A synthetic corpus of ${items} evidence items.`, vendor: { name: 'Tessellate', website: 'https://tessellate.example' } }));

	const stories = Math.round(items * MIX.stories);
	const videos = Math.round(items * MIX.videos);
	const entries = items - stories - videos;
	const customerCount = Math.max(12, Math.ceil(items / 20));
	const customers = Array.from({ length: customerCount }, (_, i) => {
		const name = `${COMPANY_A[i % COMPANY_A.length]} ${COMPANY_B[Math.floor(i / COMPANY_A.length) % COMPANY_B.length]}${i >= COMPANY_A.length * COMPANY_B.length ? ` ${Math.floor(i / 200) + 1}` : ''}`;
		return { id: slug(name), name };
	});
	let people = 0;
	const personFile = (id: string, data: Record<string, unknown>) => {
		people++;
		writeFileSync(path.join(outDir, 'people', `${id}.yaml`), stringify(data));
	};
	const customerPeople = new Map<string, string[]>();
	customers.forEach((c, i) => {
		writeFileSync(
			path.join(outDir, 'customers', `${c.id}.yaml`),
			stringify({
				name: c.name,
				logo: `../assets/logos/${logos[i % logos.length]}`,
				industry: pick(random, Object.keys(INDUSTRIES)),
				region: pick(random, Object.keys(REGIONS)),
				size: pick(random, Object.keys(SIZES)),
				website: `https://${c.id}.example`,
				products: products.filter(() => random.float() < 0.5).slice(0, 3),
				about: sentence(random, 16),
			}),
		);
		const ids = [0, 1].map((k) => {
			const id = `${c.id}-person-${k + 1}`;
			personFile(id, { name: `${pick(random, FIRST)} ${pick(random, LAST)}`, title: pick(random, ['Head of Planning', 'VP Operations', 'Supply Chain Director', 'Logistics Manager']), role: 'customer', customer: c.id, headshot: `../assets/headshots/${headshots[(i * 2 + k) % headshots.length]}` });
			return id;
		});
		customerPeople.set(c.id, ids);
	});
	const vendorPeople = Array.from({ length: 5 }, (_, k) => {
		const id = `vendor-person-${k + 1}`;
		personFile(id, { name: `${FIRST[k]} ${LAST[k + 10]}`, title: 'Customer Success Lead', role: 'vendor', headshot: `../assets/headshots/${headshots[k % headshots.length]}` });
		return id;
	});
	const judgePeople = Array.from({ length: 8 }, (_, k) => {
		const id = `judge-person-${k + 1}`;
		const academic = k % 2 === 1;
		personFile(id, { name: `${FIRST[k + 8]} ${LAST[k]}`, title: academic ? 'Professor of Operations' : 'Principal Analyst', role: academic ? 'academic' : 'analyst', affiliation: academic ? 'University of Benchmarks' : 'Meridian Research' });
		return id;
	});
	const approval = (customer: string) => ({ approvedBy: customerPeople.get(customer)![0], approvedOn: day(random, 2024, 2025), expiresOn: day(random, 2028, 2030) });

	for (let i = 0; i < stories; i++) {
		const customer = pick(random, customers);
		const [author] = customerPeople.get(customer.id)!;
		const title = `${customer.name}: ${sentence(random, 6).slice(0, -1).toLowerCase()}`;
		const id = `${slug(customer.name)}-story-${i + 1}`;
		writeFileSync(
			// Most stories are plain Markdown; one in twenty is MDX, as when a story uses components.
			path.join(outDir, 'stories', `${id}.${i % 20 === 0 ? 'mdx' : 'md'}`),
			frontmatter(
				{
					title,
					summary: sentence(random, 24),
					customer: customer.id,
					authors: [author, pick(random, vendorPeople)],
					publishedOn: day(random, 2020, 2026),
					topics: [pick(random, ['demand-planning', 'inventory', 'maintenance', 'routing'])],
					products: [pick(random, products)],
					metrics: [0, 1].map(() => {
						const baseline = random.int(20, 90);
						return { label: `${pick(random, DOMAIN_WORDS)} ${pick(random, DOMAIN_WORDS)}`, value: baseline - random.int(5, 15), unit: '%', baseline, better: 'lower', period: 'FY2025 vs FY2024', method: sentence(random, 10), measuredOn: day(random, 2025, 2025) };
					}),
					quotes: [{ text: sentence(random, 14), person: author }],
					hero: { src: `../assets/heroes/${heroes[i % heroes.length]}`, alt: 'Abstract illustration' },
					disclosure: `${customer.name} is a paying customer of Tessellate.`,
					approval: approval(customer.id),
				},
				body(random, random.int(400, 800)),
			),
		);
	}

	for (let i = 0; i < videos; i++) {
		const customer = pick(random, customers);
		const id = `${slug(customer.name)}-video-${i + 1}`;
		const speaker = customerPeople.get(customer.id)![1];
		const cues = Array.from({ length: 12 }, (_, k) => `${vttTime(k * 10)} --> ${vttTime(k * 10 + 9)}\n<v Speaker>${sentence(random)}`);
		writeFileSync(path.join(outDir, 'videos', `${id}.vtt`), `WEBVTT\n\n${cues.join('\n\n')}\n`);
		writeFileSync(
			path.join(outDir, 'videos', `${id}.yaml`),
			stringify({
				title: `${customer.name}: ${sentence(random, 5).slice(0, -1).toLowerCase()}`,
				summary: sentence(random, 20),
				customer: customer.id,
				speakers: [speaker],
				publishedOn: day(random, 2020, 2026),
				source: { kind: 'youtube', id: Array.from({ length: 11 }, () => pick(random, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''))).join('') },
				poster: { src: `../assets/posters/${posters[i % posters.length]}`, alt: 'Video poster' },
				duration: '2:10',
				captions: `./${id}.vtt`,
				chapters: [{ start: '0:00', title: 'The problem' }, { start: '1:00', title: 'The result' }],
				disclosure: `${customer.name} is a paying customer of Tessellate.`,
				approval: approval(customer.id),
			}),
		);
	}

	const perProgram = 500;
	const programs = Math.max(1, Math.ceil(entries / perProgram));
	const programRules = readFileSync(path.join(sample, 'awards/cia-2026/program.yaml'));
	for (let p = 0; p < programs; p++) {
		const programId = `bench-awards-${p + 1}`;
		const folder = path.join(outDir, 'awards', programId);
		for (const sub of ['entries', 'judges']) mkdirSync(path.join(folder, sub), { recursive: true });
		writeFileSync(path.join(folder, 'program.yaml'), programRules);
		for (const judge of judgePeople) {
			writeFileSync(path.join(folder, 'judges', `${judge}.yaml`), stringify({ person: judge, independence: 'No commercial relationship with Tessellate or any entrant.', expertise: ['forecasting', 'operations'] }));
		}
	}
	const categories = ['data-and-ai', 'resilient-operations', 'sustainable-supply-chains', 'customer-and-citizen-impact'];
	for (let i = 0; i < entries; i++) {
		const customer = pick(random, customers);
		const programId = `bench-awards-${Math.floor(i / perProgram) + 1}`;
		writeFileSync(
			path.join(outDir, 'awards', programId, 'entries', `entry-${i + 1}.md`),
			frontmatter(
				{
					category: categories[i % categories.length],
					customer: customer.id,
					submitter: customerPeople.get(customer.id)![0],
					title: sentence(random, 7).slice(0, -1),
					summary: sentence(random, 22),
					evidence: [{ label: 'Result', detail: sentence(random, 10) }],
					status: 'eligible',
					submittedOn: day(random, 2026, 2026).replace(/^2026-(1[0-2])/, '2026-08'),
					approval: approval(customer.id),
				},
				body(random, random.int(150, 300)),
			),
		);
	}
	// Past years' programs are judged and announced (winner, finalists and honourable mentions
	// per category, as `awards publish` writes them); the latest is still being judged.
	for (let p = 0; p < programs - 1; p++) {
		const programId = `bench-awards-${p + 1}`;
		const ids = Array.from({ length: Math.min(perProgram, entries - p * perProgram) }, (_, k) => p * perProgram + k);
		writeFileSync(
			path.join(outDir, 'awards', programId, 'winners.yaml'),
			stringify({
				round: 'final',
				publishedOn: '2026-06-01',
				method: 'schulze',
				categories: categories.map((category, c) => {
					const inCategory = ids.filter((i) => i % categories.length === c).map((i) => `entry-${i + 1}`);
					return { category, winner: inCategory[0], finalists: inCategory.slice(0, 3), honourableMentions: inCategory.slice(3, 5), decidedByTieBreak: false };
				}),
			}),
		);
	}
	return { items, stories, videos, entries, customers: customers.length, people, programs };
}

/**
 * The story the benchmark edits before its rebuild: the first Markdown one by name, so that
 * every size measures the same kind of edit. An MDX story (one in twenty) is a module the
 * bundler compiles again, a costlier rebuild, and the first file by name may be one.
 */
export function storyToEdit(corpusDir: string): string {
	const story = readdirSync(path.join(corpusDir, 'stories')).sort().find((file) => file.endsWith('.md'));
	if (!story) throw new Error(`no Markdown story in ${corpusDir} to edit for the rebuild`);
	return path.join(corpusDir, 'stories', story);
}

/**
 * The same bodies for the bare-Astro baseline: one Markdown page per item (story and entry
 * bodies, video captions as text) with only a title.
 */
export function writeBareCorpus(corpusDir: string, bareDir: string): number {
	rmSync(bareDir, { recursive: true, force: true });
	mkdirSync(bareDir, { recursive: true });
	let pages = 0;
	const write = (id: string, title: string, text: string) => {
		writeFileSync(path.join(bareDir, `${id}.md`), frontmatter({ title }, text));
		pages++;
	};
	const split = (file: string) => {
		const [, front, text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
		// Parsed, not matched line by line: YAML quotes a title with a colon and folds a long one.
		return { title: String(parse(front).title), text };
	};
	for (const file of readdirSync(path.join(corpusDir, 'stories'))) {
		const { title, text } = split(path.join(corpusDir, 'stories', file));
		write(file.replace(/\.mdx?$/, ''), title, text);
	}
	for (const file of readdirSync(path.join(corpusDir, 'videos')).filter((f) => f.endsWith('.vtt'))) {
		const captions = readFileSync(path.join(corpusDir, 'videos', file), 'utf8').split('\n').filter((l) => l.startsWith('<v ')).map((l) => l.replace(/<[^>]+>/g, ''));
		write(file.replace(/\.vtt$/, ''), file, captions.join('\n\n'));
	}
	for (const program of readdirSync(path.join(corpusDir, 'awards'))) {
		for (const file of readdirSync(path.join(corpusDir, 'awards', program, 'entries'))) {
			const { title, text } = split(path.join(corpusDir, 'awards', program, 'entries', file));
			write(`${program}-${file.replace(/\.md$/, '')}`, title, text);
		}
	}
	return pages;
}

if (import.meta.main) {
	const { values } = parseArgs({ options: { items: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
	if (!values.items || !values.out) {
		console.error('Usage: node scripts/bench/corpus.ts --items N --out <dir> [--seed s]');
		process.exit(1);
	}
	console.log(JSON.stringify(generateCorpus(path.resolve(values.out), Number(values.items), Number(values.seed))));
}
