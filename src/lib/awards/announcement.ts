/**
 * Which round's outcome the site shows at a given moment. Each published round carries its own
 * announcement instant (`publishAt`): with the finalists announced on 18 December and the winners
 * embargoed to 1 February, a build on 15 January shows the finalists, and one on 2 February the
 * winners. Pure, so the site and its tests pick the same round.
 */
import type { Program, RoundOutcome, Winners } from '../../schemas/award.ts';
import { winnersDecided } from '../award-method.ts';
import { entrantShown } from '../evidence.ts';
import { resultsAnnounced } from '../publication.ts';

/** Every round `winners.yaml` holds: the latest published, and the earlier ones kept with it. */
export function publishedRounds(winners: Winners): RoundOutcome[] {
	const { earlierRounds = [], ...latest } = winners;
	return [latest, ...earlierRounds];
}

/**
 * The outcome the site shows at `now`: of the rounds announced by then, the latest in the
 * program's round order; undefined while none is.
 */
export function announcedOutcome(winners: Winners | undefined, rounds: readonly { id: string }[], now: Date): RoundOutcome | undefined {
	if (!winners) return undefined;
	const order = (outcome: RoundOutcome) => rounds.findIndex((r) => r.id === outcome.round);
	return publishedRounds(winners)
		.filter((outcome) => resultsAnnounced(outcome, now))
		.sort((a, b) => order(b) - order(a))[0];
}

/** The day a round's results were announced: its announcement instant, or the day they were published when they had none. */
export const announcementDate = (outcome: RoundOutcome): Date => outcome.publishAt ?? outcome.publishedOn;

/** Whether the site shows, at `now`, who entered the program's entries (`entrantShown`, from the round announced by then). */
export function entrantShownAt(program: Pick<Program, 'blind' | 'blindUntil' | 'rounds'>, winners: Winners | undefined, now: Date): boolean {
	const outcome = announcedOutcome(winners, program.rounds, now);
	return entrantShown(program, outcome !== undefined, outcome !== undefined && winnersDecided(program.rounds, outcome.round));
}
