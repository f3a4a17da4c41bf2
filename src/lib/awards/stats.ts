/**
 * Numeric helpers for the tally: summary statistics, small dense linear algebra (the judge-offset
 * model reduces to a judges × judges system), agreement coefficients and quantiles. Plain
 * functions over numbers and typed arrays, no dependencies.
 */

/** Arithmetic mean; NaN for no values. */
export function mean(values: ArrayLike<number>): number {
	if (values.length === 0) return Number.NaN;
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i];
	return sum / values.length;
}

/** Sample variance (n − 1 denominator); NaN for fewer than two values. */
export function variance(values: ArrayLike<number>): number {
	const n = values.length;
	if (n < 2) return Number.NaN;
	const m = mean(values);
	let sum = 0;
	for (let i = 0; i < n; i++) sum += (values[i] - m) ** 2;
	return sum / (n - 1);
}

/** Sample standard deviation (n − 1 denominator); NaN for fewer than two values. */
export function sd(values: ArrayLike<number>): number {
	return Math.sqrt(variance(values));
}

/** Median; NaN for no values. */
export function median(values: ArrayLike<number>): number {
	return quantile(values, 0.5);
}

/**
 * Quantile with linear interpolation between order statistics (Hyndman & Fan type 7, the default
 * of R and NumPy); NaN for no values.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = Float64Array.from(values).sort();
	const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
	const lo = Math.floor(h);
	const hi = Math.min(sorted.length - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Nearest-rank percentile of already sorted values: the smallest value with at least a share p of
 * the values at or below it. Used for rank intervals, where the ends should be ranks that occurred
 * rather than interpolated fractions.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1));
	return sorted[index];
}

/** Ranks 1..n of the values, ascending, ties sharing the mean of their positions (mid-ranks). */
export function midRanks(values: ArrayLike<number>): number[] {
	const n = values.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
	const ranks: number[] = new Array(n);
	for (let start = 0; start < n; ) {
		let end = start + 1;
		while (end < n && values[order[end]] === values[order[start]]) end++;
		const rank = (start + 1 + end) / 2;
		for (let k = start; k < end; k++) ranks[order[k]] = rank;
		start = end;
	}
	return ranks;
}

/** Pearson correlation; NaN when either side has no variance or lengths differ. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
	const n = x.length;
	if (n !== y.length || n < 2) return Number.NaN;
	const mx = mean(x);
	const my = mean(y);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) ** 2;
		syy += (y[i] - my) ** 2;
	}
	return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation (Pearson on mid-ranks). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
	return pearson(midRanks(x), midRanks(y));
}

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite n × n matrix stored row-major,
 * in place: the lower triangle becomes L (the upper triangle is left as it was). Returns false when
 * the matrix is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
	for (let j = 0; j < n; j++) {
		const rowJ = j * n;
		let diagonal = a[rowJ + j];
		for (let k = 0; k < j; k++) diagonal -= a[rowJ + k] * a[rowJ + k];
		if (!(diagonal > 0)) return false;
		const ljj = Math.sqrt(diagonal);
		a[rowJ + j] = ljj;
		for (let i = j + 1; i < n; i++) {
			const rowI = i * n;
			let sum = a[rowI + j];
			for (let k = 0; k < j; k++) sum -= a[rowI + k] * a[rowJ + k];
			a[rowI + j] = sum / ljj;
		}
	}
	return true;
}

/** Solves L·Lᵀ·x = b in place (b becomes x), given the factor from `choleskyInPlace`. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
	for (let i = 0; i < n; i++) {
		const row = i * n;
		let sum = b[i];
		for (let k = 0; k < i; k++) sum -= l[row + k] * b[k];
		b[i] = sum / l[row + i];
	}
	for (let i = n - 1; i >= 0; i--) {
		let sum = b[i];
		for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * b[k];
		b[i] = sum / l[i * n + i];
	}
}

/**
 * Solves the ridge-regularised least-squares problem min ‖X·β − y‖² + ridge·‖β‖² through the
 * normal equations (XᵀX + ridge·I)·β = Xᵀy; X is rows × columns, row-major. Meant for small
 * dense problems (the tally's own model uses the same factorisation on its reduced system).
 */
export function ridgeLeastSquares(x: ArrayLike<number>, y: ArrayLike<number>, columns: number, ridge: number): Float64Array {
	const rows = y.length;
	if (x.length !== rows * columns) throw new RangeError(`expected ${rows * columns} design values, found ${x.length}`);
	const normal = new Float64Array(columns * columns);
	const rhs = new Float64Array(columns);
	for (let r = 0; r < rows; r++) {
		const row = r * columns;
		for (let i = 0; i < columns; i++) {
			const xi = x[row + i];
			if (xi === 0) continue;
			rhs[i] += xi * y[r];
			for (let j = 0; j < columns; j++) normal[i * columns + j] += xi * x[row + j];
		}
	}
	for (let i = 0; i < columns; i++) normal[i * columns + i] += ridge;
	if (!choleskyInPlace(normal, columns)) throw new RangeError('normal equations are singular: add a ridge or more data');
	choleskySolveInPlace(normal, columns, rhs);
	return rhs;
}

/**
 * Eigen-decomposition of a symmetric n × n matrix (row-major) by cyclic Jacobi rotations: exact to
 * rounding and robust for the small judge systems (n = panel size). Returns eigenvalues ascending
 * and the eigenvectors as the columns of `vectors` (row-major n × n).
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
	const a = Float64Array.from(matrix);
	const v = new Float64Array(n * n);
	for (let i = 0; i < n; i++) v[i * n + i] = 1;
	for (let sweep = 0; sweep < 100; sweep++) {
		let offDiagonal = 0;
		let diagonal = 0;
		for (let i = 0; i < n; i++) {
			diagonal += a[i * n + i] ** 2;
			for (let j = i + 1; j < n; j++) offDiagonal += a[i * n + j] ** 2;
		}
		if (offDiagonal <= 1e-30 * Math.max(diagonal, 1e-300)) break;
		for (let p = 0; p < n - 1; p++) {
			for (let q = p + 1; q < n; q++) {
				const apq = a[p * n + q];
				if (apq === 0) continue;
				const app = a[p * n + p];
				const aqq = a[q * n + q];
				// Rotation angle that zeroes a[p][q] (Golub & Van Loan, symmetric Schur decomposition).
				const theta = (aqq - app) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < n; k++) {
					const akp = a[k * n + p];
					const akq = a[k * n + q];
					a[k * n + p] = c * akp - s * akq;
					a[k * n + q] = s * akp + c * akq;
				}
				for (let k = 0; k < n; k++) {
					const apk = a[p * n + k];
					const aqk = a[q * n + k];
					a[p * n + k] = c * apk - s * aqk;
					a[q * n + k] = s * apk + c * aqk;
				}
				for (let k = 0; k < n; k++) {
					const vkp = v[k * n + p];
					const vkq = v[k * n + q];
					v[k * n + p] = c * vkp - s * vkq;
					v[k * n + q] = s * vkp + c * vkq;
				}
			}
		}
	}
	const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j] || i - j);
	const values = new Float64Array(n);
	const vectors = new Float64Array(n * n);
	order.forEach((from, to) => {
		values[to] = a[from * n + from];
		for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from];
	});
	return { values, vectors };
}

/**
 * Krippendorff's alpha with the interval metric (δ² = (a − b)²), for any number of coders and
 * missing data. Each unit lists the values coders gave it (missing values left out); units with
 * fewer than two values are not pairable and are ignored, as in Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability". α = 1 − D_o / D_e. Returns null when there are fewer than
 * two pairable values or no variation at all (D_e = 0: agreement is then undefined, not perfect).
 */
export function krippendorffAlphaInterval(units: readonly (ArrayLike<number>)[]): number | null {
	// Σ over ordered pairs i ≠ j of (v_i − v_j)² = 2·(m·Σv² − (Σv)²): both disagreements are O(n).
	let pairable = 0;
	let observed = 0;
	let total = 0;
	let totalSquares = 0;
	for (const unit of units) {
		const m = unit.length;
		if (m < 2) continue;
		let sum = 0;
		let squares = 0;
		for (let i = 0; i < m; i++) {
			sum += unit[i];
			squares += unit[i] * unit[i];
		}
		observed += (2 * (m * squares - sum * sum)) / (m - 1);
		pairable += m;
		total += sum;
		totalSquares += squares;
	}
	if (pairable < 2) return null;
	const disagreementObserved = observed / pairable;
	const disagreementExpected = (2 * (pairable * totalSquares - total * total)) / (pairable * (pairable - 1));
	if (!(disagreementExpected > 1e-12 * Math.max(1, totalSquares / pairable))) return null;
	return 1 - disagreementObserved / disagreementExpected;
}

/**
 * Kendall's coefficient of concordance W for m raters each ranking the same n items
 * (`ranks[rater][item]`, 1 = first; tied items carry mid-ranks and the usual tie correction
 * applies). 1 = identical rankings, 0 = no agreement. Returns null for fewer than two raters or
 * items, or when every rater ties everything.
 */
export function kendallW(ranks: readonly (ArrayLike<number>)[]): number | null {
	const m = ranks.length;
	const n = m > 0 ? ranks[0].length : 0;
	if (m < 2 || n < 2) return null;
	const sums = new Float64Array(n);
	let ties = 0;
	for (const rater of ranks) {
		if (rater.length !== n) throw new RangeError(`expected every rater to rank ${n} items, found ${rater.length}`);
		const counts = new Map<number, number>();
		for (let i = 0; i < n; i++) {
			sums[i] += rater[i];
			counts.set(rater[i], (counts.get(rater[i]) ?? 0) + 1);
		}
		for (const t of counts.values()) ties += t ** 3 - t;
	}
	const meanSum = (m * (n + 1)) / 2;
	let s = 0;
	for (let i = 0; i < n; i++) s += (sums[i] - meanSum) ** 2;
	const denominator = m * m * (n ** 3 - n) - m * ties;
	return denominator > 0 ? (12 * s) / denominator : null;
}
