/**
 * The scorecard fields of a judge packet: one fieldset per criterion, with radio buttons (one per
 * allowed score, labelled with the level each anchors) or, on a scale with many values, a number
 * field beside the level list; a Clear button and an optional comment. The fields carry indices,
 * not ids: the packet's script maps them back through its data block.
 */
import { escapeHtml as e } from '../../html-tool.ts';
import { allowedScores, levelId, MAX_RADIO_OPTIONS, scaleText, sortedLevels, type PacketCriterion, type PacketInput } from './input.ts';

/** The attributes naming a field's cell: entry and criterion, by index. */
const cellAttributes = (ei: number, ci: number) => `data-entry-index="${ei}" data-criterion-index="${ci}"`;

// Disabled (and so out of the tab order) until the criterion has a score; Delete on a picked option does the same.
const clearButton = (ei: number, ci: number, criterion: PacketCriterion) =>
	`<button type="button" class="clear secondary" data-clear ${cellAttributes(ei, ci)} disabled>Clear score<span class="visually-hidden"> for ${e(criterion.name)}</span></button>`;

// The print copy shows the comment in full (a text area prints only its visible rows).
const commentField = (base: string, ei: number, ci: number, criterion: PacketCriterion) => `
		<label class="comment-label" for="${base}-comment">Comment on ${e(criterion.name)} <span class="muted">(optional)</span></label>
		<textarea id="${base}-comment" rows="2" data-comment ${cellAttributes(ei, ci)}></textarea>
		<div class="comment-print" data-comment-print ${cellAttributes(ei, ci)}></div>`;

/** The legend and hint every criterion's fieldset starts with. */
const legend = (criterion: PacketCriterion) => `<legend>${e(criterion.name)} <span class="weight">(${e(String(criterion.weight))}%)</span></legend>
		<p class="hint">${e(criterion.description)}</p>`;

/** One radio per allowed score, described by the level descriptor it anchors, if any. */
function radioOptions(scores: number[], base: string, ei: number, ci: number, criterion: PacketCriterion): string {
	const levels = sortedLevels(criterion);
	return scores
		.map((score) => {
			const li = levels.findIndex((l) => Math.abs(l.score - score) < 1e-9);
			const level = li >= 0 ? levels[li] : undefined;
			const describedBy = level ? ` aria-describedby="${levelId(ci, li)}"` : '';
			return `<label class="option"><input type="radio" name="${base}" value="${score}"${describedBy} data-score ${cellAttributes(ei, ci)}><span class="value">${score}</span>${level ? `<span class="level">${e(level.label)}</span>` : ''}</label>`;
		})
		.join('\n\t\t\t');
}

/** A number field, described by the level list beside it and by its error message. */
function numberField(scale: PacketInput['program']['scale'], base: string, ei: number, ci: number, criterion: PacketCriterion): string {
	const levels = sortedLevels(criterion)
		.map((l) => `\t\t\t<li><strong>${e(String(l.score))} ${e(l.label)}:</strong> ${e(l.descriptor)}</li>`)
		.join('\n');
	return `<label class="number-label" for="${base}-score">Score <span class="muted">(${e(scaleText(scale))})</span></label>
		<input type="number" id="${base}-score" min="${scale.min}" max="${scale.max}" step="${scale.step}" inputmode="decimal" aria-describedby="${base}-levels ${base}-error" data-error="${base}-error" data-score ${cellAttributes(ei, ci)}>
		${clearButton(ei, ci, criterion)}
		<p class="error" id="${base}-error" hidden></p>
		<ul class="levels" id="${base}-levels">
${levels}
		</ul>`;
}

/**
 * One criterion's fieldset in entry `ei`'s scorecard, its legend naming the criterion. The hint is
 * plain text (no link to the rubric) so that Tab goes from one criterion's comment straight to the
 * next criterion's scores.
 */
export function scoreField(scale: PacketInput['program']['scale'], ei: number, ci: number, criterion: PacketCriterion): string {
	const base = `e${ei + 1}-c${ci + 1}`;
	const scores = allowedScores(scale);
	const comment = commentField(base, ei, ci, criterion);
	if (scores.length <= MAX_RADIO_OPTIONS) {
		return `
	<fieldset class="score" ${cellAttributes(ei, ci)}>
		${legend(criterion)}
		<div class="options">
			${radioOptions(scores, base, ei, ci, criterion)}
		</div>
		${clearButton(ei, ci, criterion)}${comment}
	</fieldset>`;
	}
	return `
	<fieldset class="score" ${cellAttributes(ei, ci)}>
		${legend(criterion)}
		${numberField(scale, base, ei, ci, criterion)}${comment}
	</fieldset>`;
}
