/**
 * Pure image helpers for the demo: RGBA to grey, sizes and area-average downscaling, and the
 * file-type check that tells a real PNG/JPEG from a renamed text file.
 */
import type { GreyImage } from '$lib/signal/test-images';

export type { GreyImage };

function checkSize(name: string, value: number): void {
	if (!Number.isInteger(value) || value < 1)
		throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);
}

/** Brightness of RGBA pixels (ITU-R BT.601 luma), transparent pixels over white, in [0, 1]. */
export function rgbaToGrey(rgba: ArrayLike<number>, width: number, height: number): GreyImage {
	checkSize('width', width);
	checkSize('height', height);
	if (rgba.length !== width * height * 4)
		throw new RangeError(
			`rgba must hold width × height × 4 = ${width * height * 4} bytes, got ${rgba.length}`
		);
	const data = new Float32Array(width * height);
	for (let i = 0; i < data.length; i++) {
		const a = rgba[i * 4 + 3] / 255;
		const luma = (0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]) / 255;
		data[i] = luma * a + (1 - a);
	}
	return { width, height, data };
}

/** The size that fits width × height into maxSide (keeping the aspect), and whether it shrank. */
export function fitSize(
	width: number,
	height: number,
	maxSide: number
): { width: number; height: number; scaled: boolean } {
	checkSize('width', width);
	checkSize('height', height);
	checkSize('maxSide', maxSide);
	const longest = Math.max(width, height);
	if (longest <= maxSide) return { width, height, scaled: false };
	const f = maxSide / longest;
	return {
		width: Math.max(1, Math.round(width * f)),
		height: Math.max(1, Math.round(height * f)),
		scaled: true
	};
}

/** The largest centred square of an image. */
export function centreSquare(image: GreyImage): GreyImage {
	const side = Math.min(image.width, image.height);
	const top = Math.floor((image.height - side) / 2);
	const left = Math.floor((image.width - side) / 2);
	const data = new Float32Array(side * side);
	for (let r = 0; r < side; r++)
		data.set(
			image.data.subarray((top + r) * image.width + left, (top + r) * image.width + left + side),
			r * side
		);
	return { width: side, height: side, data };
}

/** Area-average resampling to width × height (each output pixel averages the input area it covers). */
export function resample(image: GreyImage, width: number, height: number): GreyImage {
	checkSize('width', width);
	checkSize('height', height);
	if (width === image.width && height === image.height) return image;
	const data = new Float32Array(width * height);
	const sy = image.height / height;
	const sx = image.width / width;
	for (let r = 0; r < height; r++) {
		const y0 = r * sy;
		const y1 = y0 + sy;
		for (let c = 0; c < width; c++) {
			const x0 = c * sx;
			const x1 = x0 + sx;
			let sum = 0;
			let area = 0;
			for (let y = Math.floor(y0); y < Math.min(image.height, Math.ceil(y1)); y++) {
				const wy = Math.min(y + 1, y1) - Math.max(y, y0);
				for (let x = Math.floor(x0); x < Math.min(image.width, Math.ceil(x1)); x++) {
					const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
					sum += w * image.data[y * image.width + x];
					area += w;
				}
			}
			data[r * width + c] = area > 0 ? sum / area : 0;
		}
	}
	return { width, height, data };
}

/** 'png' or 'jpeg' from a file's first bytes (its signature), null for anything else. */
export function sniffImageType(bytes: Uint8Array): 'png' | 'jpeg' | null {
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	return null;
}

/** Grey bytes (0–255) for storage, and back. */
export function toBytes(image: GreyImage): Uint8Array {
	return Uint8Array.from(image.data, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}
export function fromBytes(bytes: Uint8Array, width: number, height: number): GreyImage {
	if (bytes.length !== width * height)
		throw new RangeError(`bytes must hold width × height = ${width * height} values, got ${bytes.length}`);
	return { width, height, data: Float32Array.from(bytes, (b) => b / 255) };
}
