/** A small, hand-made content index and reference program for the reference unit tests. */
import type { ContentIndex } from '../../../src/lib/content/integrity.ts';
import type { ActivityRecord, ReferenceData } from '../../../src/lib/references/load.ts';
import { activitySchema, advocateSchema, referencePolicySchema } from '../../../src/schemas/reference.ts';

const entry = (id: string, data: unknown) => [id, { id, file: `content/${id}.yaml`, absolutePath: `/c/${id}`, collection: 'x', data }] as const;

const approval = (expiresOn: string) => ({ approvedBy: 'x', approvedOn: new Date('2025-01-01'), expiresOn: new Date(expiresOn) });

/** Two manufacturers in APAC (one uses "forecast"), a retailer in North America whose approval lapsed. */
export function index(): ContentIndex {
	return {
		products: new Map([entry('forecast', { name: 'Forecast' })]),
		customers: new Map([
			entry('mill', { name: 'Mill Co', industry: 'manufacturing', region: 'apac', size: 'enterprise', products: ['forecast'] }),
			entry('forge', { name: 'Forge Ltd', industry: 'manufacturing', region: 'apac', size: 'smb', products: [] }),
			entry('shop', { name: 'Shop Inc', industry: 'retail', region: 'north-america', size: 'smb', products: ['forecast'] }),
		]),
		people: new Map([
			entry('ann', { name: 'Ann', title: 'Planner', role: 'customer', customer: 'mill' }),
			entry('bo', { name: 'Bo', title: 'Lead', role: 'customer', customer: 'mill' }),
			entry('cy', { name: 'Cy', title: 'COO', role: 'customer', customer: 'forge' }),
			entry('di', { name: 'Di', title: 'Owner', role: 'customer', customer: 'shop' }),
			entry('vic', { name: 'Vic', title: 'AE', role: 'vendor' }),
		]),
		stories: new Map([
			entry('mill-story', { title: 'Mill story', customer: 'mill', authors: ['bo', 'vic'], quotes: [], metrics: [], draft: false, approval: approval('2030-01-01'), publishedOn: new Date('2026-01-01') }),
			entry('shop-story', { title: 'Shop story', customer: 'shop', authors: ['di', 'vic'], quotes: [], metrics: [], draft: false, approval: approval('2026-06-01'), publishedOn: new Date('2025-06-01') }),
		]),
		videos: new Map(),
		awardEntries: new Map(),
		awardPrograms: new Map(),
		awardJudges: new Map(),
		awardWinners: new Map(),
		withdrawingChanges: new Map(),
	} as unknown as ContentIndex;
}

/** An advocate record from a partial file. */
export const advocate = (id: string, fields: Record<string, unknown>) => [id, { id, file: `content/references/advocates/${id}.yaml`, data: advocateSchema.parse({ nominatedBy: 'Vic', stageSince: '2026-01-01', agreedTo: ['reference-call', 'site-visit'], stage: 'active', ...fields }) }] as const;

/** Activities from partial items (`date`, `advocate`, `kind` at least). */
export const activities = (...items: Record<string, unknown>[]): ActivityRecord[] =>
	items.map((item, index) => ({ file: 'content/references/activities/2026.yaml', index, year: 2026, data: activitySchema.parse({ requestedBy: 'Vic', ...item }) }));

export function program(advocates: ReturnType<typeof advocate>[], acts: ActivityRecord[], policy: Record<string, unknown> = {}): ReferenceData {
	return { policy: referencePolicySchema.parse(policy), advocates: new Map(advocates), activities: acts };
}
