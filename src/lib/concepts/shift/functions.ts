/**
 * The shift demo's data: a 1-D "image" holding a person-like pattern, a template used as one
 * weight vector, and the stack of its shifted copies (a matrix with one row per position).
 * Pure presentation arithmetic; the convolution itself comes from the kernel set.
 */

/** A person seen in one image row: a narrow head, a gap, a wider body. Not symmetric on purpose. */
export const PERSON: readonly number[] = [0.5, 3, 0.5, 1, 2.5, 2.5, 1];
export const IMAGE_LENGTH = 19;
export const LAST_POSITION = IMAGE_LENGTH - PERSON.length;
/** Where the template sits in w: the centre of the image. */
export const CENTRE = LAST_POSITION / 2;

/** The image: zeros with the pattern starting at `position`. */
export function imageWithPerson(position: number): Float32Array {
	if (!Number.isInteger(position) || position < 0 || position > LAST_POSITION) {
		throw new RangeError(
			`imageWithPerson: position must be an integer in 0…${LAST_POSITION}, got ${position}`
		);
	}
	const x = new Float32Array(IMAGE_LENGTH);
	PERSON.forEach((v, k) => (x[position + k] = v));
	return x;
}

/** The template as a full-length weight vector, placed at `position` (one row of W). */
export function shiftedTemplate(position: number): Float32Array {
	return imageWithPerson(position);
}

/** W: one shifted copy of the template per position, row r starting at r. */
export function shiftedRows(): Float32Array[] {
	return Array.from({ length: LAST_POSITION + 1 }, (_, r) => shiftedTemplate(r));
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

/** Wx row by row: the matrix way, one dot product per shifted copy. */
export function rowByRow(rows: readonly Float32Array[], x: Float32Array): Float32Array {
	return Float32Array.from(rows, (row) => dot(row, x));
}

/** The largest |a[i] − b[i]|: how far the matrix way and the convolution way disagree. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) return Infinity;
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
	return m;
}

/** The template's samples as the kernel the convolution slides. */
export const TEMPLATE = Float32Array.from(PERSON);
