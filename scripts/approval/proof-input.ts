/**
 * Gathers what a proof shows from the checked content: the item's fields as the site shows them
 * (credits, quotes and the customer's name and logo as its permissions allow), its body through
 * the site's own sanitising Markdown pipeline, and its images inlined as `data:` URIs, read only
 * from inside the content folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { markdownToHtml } from 'satteri';
import type { HastPluginDefinition } from 'satteri';
import { fieldDigests, itemDigest, PUBLISHED_FIELDS } from '../../src/lib/approval/digest.ts';
import { approvableItem, customerShown } from '../../src/lib/approval/item.ts';
import type { ProofInput } from '../../src/lib/approval/proof.ts';
import type { ContentIndex } from '../../src/lib/content/integrity.ts';
import { contentEscape, realPathInsideContent } from '../../src/lib/content/inside-content.ts';
import type { CollectionName } from '../../src/lib/content/layout.ts';
import type { ValidEntry } from '../../src/lib/content/validate.ts';
import { customerDisplayName, formatDate, formatMetricValue, mayQuote, metricHeadline, personCredit } from '../../src/lib/evidence.ts';
import { storyHtmlPlugin } from '../../src/lib/story-html.ts';
import { parseCaptions, publishedCaptions, relabelVoices, transcriptFromCues, transcriptFromText } from '../../src/lib/vtt.ts';
import type { Customer } from '../../src/schemas/customer.ts';
import type { Metric } from '../../src/schemas/story.ts';

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

/** An image inside the content folder as a data: URI; raster images scaled down to `width` so the proof stays small to email. */
async function imageDataUri(contentDir: string, fromFile: string, src: string, width = 1200): Promise<string> {
	const file = realPathInsideContent(contentDir, path.resolve(path.dirname(fromFile), src));
	const ext = path.extname(file).toLowerCase();
	if (ext === '.svg') return `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}`;
	const jpeg = await sharp(file).resize({ width, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
	return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/** A story body as the site renders it (sanitised by `storyHtmlPlugin`), its own images inlined; any other image dropped. */
async function storyBodyHtml(contentDir: string, entryFile: string, body: string): Promise<string> {
	const inline: HastPluginDefinition = {
		name: 'credence-proof-images',
		element: {
			filter: ['img'],
			visit(node, ctx) {
				const src = typeof node.properties?.src === 'string' ? node.properties.src : '';
				const target = path.resolve(path.dirname(entryFile), decodeURI(src));
				const mime = MIME[path.extname(target).toLowerCase()];
				if (!src || /^[a-z]+:/i.test(src) || !mime || contentEscape(contentDir, target)) {
					ctx.setProperty(node, 'src', null);
					return;
				}
				try {
					ctx.setProperty(node, 'src', `data:${mime};base64,${readFileSync(realPathInsideContent(contentDir, target)).toString('base64')}`);
				} catch {
					ctx.setProperty(node, 'src', null);
				}
			},
		},
	};
	return (await markdownToHtml(body, { hastPlugins: [storyHtmlPlugin, inline] })).html;
}

/** "from 5.9%": the baseline, as the story page shows it beside the figure. */
const fromText = (m: Metric) => `${formatMetricValue(m.value, m.unit)}, from ${formatMetricValue(m.baseline, m.unit)} (${m.better} is better)`;

/**
 * A video's transcript as its page shows it: the one written, or the captions' (relabelled like
 * the site's `captionsTextOf`: the people of a customer that withholds its name by job title).
 */
function videoTranscript(index: ContentIndex, customer: Customer, data: Record<string, any>, captions: string): string {
	const paragraphs = data.transcript
		? transcriptFromText(data.transcript)
		: transcriptFromCues(
				parseCaptions(
					relabelVoices(
						publishedCaptions(captions),
						[...index.people.values()]
							.filter((p) => p.data.customer === data.customer && !personCredit(p.data, customer).identified)
							.map((p) => ({ name: p.data.name, label: personCredit(p.data, customer).name })),
						(data.speakers as string[]).filter((id) => personCredit(index.people.get(id)!.data, customer).identified).map((id) => index.people.get(id)!.data.name),
					),
				).cues,
			);
	return paragraphs.map((p) => (p.speaker ? `${p.speaker}: ${p.text}` : p.text)).join('\n\n');
}

const KIND_LABELS = { stories: 'story', videos: 'video page', awardEntries: 'award entry' } as const;

/** Everything the proof of `entry` shows. */
export async function proofInput(index: ContentIndex, contentDir: string, collection: 'stories' | 'videos' | 'awardEntries', entry: ValidEntry, generatedAt: string): Promise<ProofInput> {
	const data = entry.data as Record<string, any>;
	const customer = index.customers.get(data.customer)!;
	const shown = customerShown(customer.data);
	const captions = collection === 'videos' ? readFileSync(realPathInsideContent(contentDir, path.resolve(path.dirname(entry.absolutePath), data.captions)), 'utf8') : undefined;
	const fields = fieldDigests(approvableItem(collection as CollectionName, entry, shown, captions));
	const employerOf = (id: string): Customer | undefined => {
		const person = index.people.get(id)!.data;
		return person.customer ? index.customers.get(person.customer)?.data : undefined;
	};
	const credit = (id: string) => {
		const person = index.people.get(id)!.data;
		const c = personCredit(person, employerOf(id));
		return c.identified ? `${person.name}, ${person.title}` : `${c.name}, ${customerDisplayName(customer.data)}`;
	};
	const logo = shown.logoShown ? await imageDataUri(contentDir, customer.absolutePath, customer.data.logo as string, 400) : undefined;
	const productNames = (data.products as string[]).map((id) => index.products.get(id)?.data.name ?? id);
	const input: ProofInput = {
		item: { kind: approvableItem(collection, entry, shown).kind, id: entry.id },
		kindLabel: KIND_LABELS[collection],
		vendor: index.site?.data.vendor.name ?? 'the vendor',
		title: data.title,
		summary: data.summary,
		customer: { displayName: shown.displayName, logo, anonymous: !customer.data.permissions.name },
		people: [],
		metrics: [],
		quotes: [],
		facts: [],
		covers: PUBLISHED_FIELDS[approvableItem(collection, entry, shown).kind],
		digest: itemDigest(fields),
		fields,
		reviewers: [...index.people.values()].filter((p) => p.data.role === 'customer' && p.data.customer === customer.id).map((p) => ({ id: p.id, name: p.data.name, title: p.data.title })),
		generatedAt,
	};
	if (productNames.length) input.facts.push({ label: 'Products', value: productNames.join(', ') });
	if (collection === 'stories') {
		input.people = (data.authors as string[]).map(credit);
		input.image = { src: await imageDataUri(contentDir, entry.absolutePath, data.hero.src), alt: data.hero.alt };
		input.metrics = (data.metrics as Metric[]).map((m) => ({ figure: metricHeadline(m), label: m.label, from: fromText(m), period: m.period, method: m.method, measuredOn: formatDate(m.measuredOn) }));
		input.quotes = (data.quotes as { text: string; person: string }[])
			.filter((q) => mayQuote(index.people.get(q.person)!.data, employerOf(q.person)))
			.map((q) => ({ text: q.text, signature: credit(q.person) }));
		input.bodyHtml = await storyBodyHtml(contentDir, entry.absolutePath, entry.body ?? '');
		input.facts.push({ label: 'Disclosure', value: data.disclosure });
	} else if (collection === 'videos') {
		input.people = (data.speakers as string[]).map(credit);
		input.image = { src: await imageDataUri(contentDir, entry.absolutePath, data.poster.src), alt: data.poster.alt };
		input.bodyText = videoTranscript(index, customer.data, data, captions!);
		const source = data.source.kind === 'file' ? `video file ${data.source.file}` : `${data.source.kind} video ${data.source.id}`;
		input.facts.push({ label: 'Video', value: `${source}, ${Math.floor(data.duration / 60)}:${String(data.duration % 60).padStart(2, '0')}` }, { label: 'Disclosure', value: data.disclosure });
	} else {
		input.people = [credit(data.submitter)];
		input.bodyText = entry.body ?? '';
		for (const item of data.evidence as { label: string; detail: string; url?: string }[]) input.facts.push({ label: item.label, value: item.url ? `${item.detail} (${item.url})` : item.detail });
	}
	return input;
}
