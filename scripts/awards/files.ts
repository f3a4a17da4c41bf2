/** Where the awards commands keep each program's private working files and public outcome. */
import path from 'node:path';
import type { ProgramData } from '../../src/lib/awards/program.ts';

/** A round's results (`results/<round>.json`): private, recomputed by verify. */
export const resultsFile = (data: ProgramData, round: string) => path.join(data.folder, 'results', `${round}.json`);
/** The published outcome (`winners.yaml`): public. */
export const winnersFile = (data: ProgramData) => path.join(data.folder, 'winners.yaml');
