/**
 * The fixed facets prospects filter by. Labels live next to the values so the site, the CLI and
 * the search filters all print the same words.
 */
import { z } from 'astro/zod';

/** Industries a customer can belong to. */
export const INDUSTRIES = {
	'financial-services': 'Financial services',
	healthcare: 'Healthcare',
	manufacturing: 'Manufacturing',
	retail: 'Retail & e-commerce',
	logistics: 'Transport & logistics',
	energy: 'Energy & utilities',
	'public-sector': 'Public sector',
	software: 'Software & internet',
	education: 'Education',
	telecommunications: 'Telecommunications',
} as const;

/** Sales regions. */
export const REGIONS = {
	'north-america': 'North America',
	'latin-america': 'Latin America',
	emea: 'Europe, Middle East & Africa',
	apac: 'Asia-Pacific',
} as const;

/** Company-size bands, by employees. */
export const SIZES = {
	smb: 'Small business (1–200)',
	'mid-market': 'Mid-market (201–2,000)',
	enterprise: 'Enterprise (2,001+)',
} as const;

/**
 * Kinds of evidence, as shown in the library and the search filters. An award winner is an award
 * entry that won its category in announced results: derived, never written in content.
 */
export const CONTENT_TYPES = {
	story: 'Story',
	video: 'Video',
	'award-winner': 'Award winner',
	'award-entry': 'Award entry',
} as const;

function enumOf<T extends Record<string, string>>(labels: T, what: string) {
	const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
	return z.enum(values, { error: `expected ${what}: one of ${values.join(', ')}` });
}

export const industry = () => enumOf(INDUSTRIES, 'an industry').describe('Industry, one of the fixed facet values.');
export const region = () => enumOf(REGIONS, 'a region').describe('Region, one of the fixed facet values.');
export const companySize = () => enumOf(SIZES, 'a company-size band').describe('Company-size band by employees.');

export type Industry = keyof typeof INDUSTRIES;
export type Region = keyof typeof REGIONS;
export type CompanySize = keyof typeof SIZES;
export type ContentType = keyof typeof CONTENT_TYPES;
