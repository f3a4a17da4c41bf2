/** A person (`content/people/<id>.yaml`): author, speaker, approver or judge. */
import { z } from 'astro/zod';
import { ref, text, type SchemaContext } from './common.ts';

/** Which side a person is on; decides bylines, approvals and judge independence. */
export const PERSON_ROLES = ['customer', 'vendor', 'analyst', 'academic'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export function personSchema<Image extends z.ZodType>(context: SchemaContext<Image>) {
	return z
		.object({
			/** Full name. */
			name: text().describe('Full name.'),
			/** Job title. */
			title: text().describe('Job title.'),
			/** Which side the person is on. */
			role: z.enum(PERSON_ROLES, { error: `expected a role: one of ${PERSON_ROLES.join(', ')}` }).describe('customer, vendor, analyst or academic.'),
			/** The customer the person works for; required when role is customer, absent otherwise. */
			customer: ref('customers').optional().describe('Customer the person works for (role customer only).'),
			/** Firm or university of an analyst or academic. */
			affiliation: text().optional().describe('Firm or university (analysts and academics).'),
			/** Headshot file, relative to this file. */
			headshot: context.image().optional().describe('Headshot image, relative to this file.'),
			/** Two or three sentences. */
			bio: text().optional().describe('Short biography.'),
		})
		.strict()
		.superRefine((p, ctx) => {
			if (p.role === 'customer' && !p.customer) {
				ctx.addIssue({ code: 'custom', path: ['customer'], message: 'expected the id of the customer this person works for (role is customer)' });
			}
			if (p.role !== 'customer' && p.customer) {
				ctx.addIssue({ code: 'custom', path: ['customer'], message: `expected no customer for a person whose role is ${p.role}` });
			}
			if ((p.role === 'analyst' || p.role === 'academic') && !p.affiliation) {
				ctx.addIssue({ code: 'custom', path: ['affiliation'], message: `expected the firm or university of this ${p.role}` });
			}
		});
}

export type Person = z.infer<ReturnType<typeof personSchema>>;
