/** `references report`: the program's health, as text, JSON or a private HTML file. */
import path from 'node:path';
import { fatigueOf } from '../../src/lib/references/fatigue.ts';
import { referenceReport, type OutcomeTally } from '../../src/lib/references/report.ts';
import { renderReportHtml } from '../../src/lib/references/report-html.ts';
import { isPathInside } from '../../src/lib/content/inside-content.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { ADVOCATE_STAGES } from '../../src/schemas/reference.ts';
import { CliError, colour, failureReason, plural, writeAtomic } from '../lib/cli.ts';
import type { ReferencesContext } from './context.ts';

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const tally = (t: OutcomeTally) => `${t.won} won, ${t.lost} lost, ${t.noDecision} no decision, ${t.open} open: ${percent(t.wonShare)} won of ${t.decided} decided${t.small ? colour.dim(' (too few to read much into)') : ''}`;

/** Folders a private report must never be written into: what the site publishes. */
const PUBLIC_FOLDERS = ['dist', 'public'];

export async function report(context: ReferencesContext): Promise<number> {
	const { check, now, options, projectRoot } = context;
	const result = referenceReport(check.index, check.references, now);
	if (options.out && !options.html) throw new CliError('--out names the HTML file: give --html too, e.g. report --html --out reference-report.html');
	if (options.html) {
		if (!options.out) throw new CliError('report --html needs --out <file.html>: where to write the private report (outside dist/ and public/)');
		const out = path.resolve(options.out);
		const publicFolder = PUBLIC_FOLDERS.map((f) => path.join(projectRoot, f)).find((folder) => isPathInside(folder, out));
		if (publicFolder || isPathInside(context.contentDir, out)) throw new CliError(`refusing to write the private report into ${displayPath(projectRoot, publicFolder ?? context.contentDir)}/, which is published or read by the site: choose a file outside it`);
		const loads = [...check.references.advocates.values()].map((a) => {
			const f = fatigueOf(a.id, a.data, check.references.activities, check.references.policy, now);
			return { name: check.index.people.get(a.data.person)?.data.name ?? a.id, load: f.load, limit: f.limit };
		});
		try {
			await writeAtomic(out, renderReportHtml(result, loads));
		} catch (cause) {
			throw new CliError(`cannot write ${options.out}: ${failureReason(cause)}`);
		}
		if (options.json) console.log(JSON.stringify({ ...result, html: out }, null, 2));
		else console.log(`${colour.green('Wrote')} the private reference report to ${displayPath(projectRoot, out)}: keep it out of the site and share it only with the reference team.`);
		return 0;
	}
	if (options.json) {
		console.log(JSON.stringify(result, null, 2));
		return 0;
	}
	const h = (title: string) => console.log(`\n${colour.bold(title)}`);
	console.log(colour.bold(`Reference program, as of ${result.now.slice(0, 10)}`));
	h(`Over-used (load at or over the limit in the last ${result.policy.windowDays} days)`);
	if (!result.overUsed.length) console.log('  none');
	for (const o of result.overUsed) console.log(`  ${o.name} (${o.customer}): ${colour.red(`${o.load} of ${o.limit}`)} from ${plural(o.asks, 'ask')}`);
	h(`Idle (active, not asked for ${result.policy.idleDays} days or more)`);
	if (!result.idle.length) console.log('  none');
	for (const i of result.idle) console.log(`  ${i.name} (${i.customer}): ${i.lastAsked ? `last asked ${i.lastAsked}, ${i.daysSinceAsked} days ago` : 'never asked'}`);
	h('Lifecycle funnel');
	for (const stage of ADVOCATE_STAGES) console.log(`  ${stage.padEnd(10)} ${result.funnel[stage]}`);
	h('Stale evidence');
	for (const m of result.stale.metrics) console.log(`  metric "${m.metric}" in ${m.story}: measured ${m.measuredOn}, ${m.monthsAgo} months ago`);
	for (const a of result.stale.approvalsLapsing) console.log(`  approval of ${a.type} ${a.id} lapses ${a.expiresOn}, in ${a.daysLeft} days (within ${a.within})`);
	for (const s of result.stale.oldStories) console.log(`  story ${s.story} published ${s.publishedOn}, ${s.yearsAgo} years ago`);
	if (!result.stale.metrics.length && !result.stale.approvalsLapsing.length && !result.stale.oldStories.length) console.log('  none');
	h('Outcomes by kind of reference');
	for (const k of result.outcomes.byKind) console.log(`  ${k.label.padEnd(17)} ${plural(k.activities, 'ask')}: ${tally(k)}`);
	h('Outcomes by evidence used');
	for (const k of result.outcomes.byEvidence) console.log(`  ${k.label.padEnd(17)} ${plural(k.activities, 'ask')}: ${tally(k)}`);
	h(`Recognition due (${result.policy.recognitionEvery} asks since the last, or a thank-you not sent)`);
	if (!result.recognitionDue.length) console.log('  none');
	for (const r of result.recognitionDue) {
		const parts = [`${plural(r.asksSinceRecognition, 'ask')} since ${r.lastRecognised ? `recognition on ${r.lastRecognised}` : 'joining (never recognised)'}`];
		if (r.thanksMissing.length) parts.push(`no thank-you for ${r.thanksMissing.join(', ')}`);
		console.log(`  ${r.name}: ${parts.join('; ')}`);
	}
	return 0;
}
