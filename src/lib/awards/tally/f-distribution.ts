/**
 * The upper tail of Snedecor's F distribution, for the erratic-judge test (erratic.ts): the
 * regularised incomplete beta function by its continued fraction (modified Lentz), with the log
 * gamma function by Lanczos' approximation — the textbook route (Press et al., Numerical Recipes,
 * 3rd ed., §6.1 and §6.4), accurate to about 1e-10, far finer than a flag needs.
 */

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	const z = x - 1;
	let sum = 0.99999999999980993;
	for (let k = 0; k < LANCZOS.length; k++) sum += LANCZOS[k] / (z + k + 1);
	const t = z + LANCZOS.length - 0.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + step * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + step / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + step * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + step / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-14) break;
	}
	return h;
}

/** The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
	if (!(a > 0 && b > 0) || Number.isNaN(x)) return Number.NaN;
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
	// The fraction converges fast for x below the mean; use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) above it.
	return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(F > f) for F with d1 and d2 degrees of freedom (fractional degrees of freedom allowed). */
export function fUpperTail(f: number, d1: number, d2: number): number {
	if (!(d1 > 0 && d2 > 0)) return Number.NaN;
	if (f <= 0) return 1;
	if (!Number.isFinite(f)) return 0;
	return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
