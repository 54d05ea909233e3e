/**
 * Turning files into grey images in the browser: the file's signature is checked first (a text
 * file renamed .png is named as such), then the browser decodes it (a truncated PNG fails here),
 * and large images are drawn at most MAX_SIDE pixels on their longer side.
 */
import { fitSize, fromBytes, rgbaToGrey, sniffImageType, toBytes, type GreyImage } from './images';

export const MAX_SIDE = 512;
/** Larger files are refused before decoding (a classroom photo is a few MB). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface Decoded {
	image: GreyImage;
	originalWidth: number;
	originalHeight: number;
	scaled: boolean;
}

export async function decodeImage(blob: Blob, name = 'the file'): Promise<Decoded> {
	if (blob.size === 0) throw new Error(`${name} is empty`);
	if (blob.size > MAX_FILE_BYTES) throw new Error(`${name} is larger than 25 MB`);
	const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
	if (!sniffImageType(head)) throw new Error(`${name} is not a PNG or JPEG image`);
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(blob);
	} catch {
		throw new Error(`${name} could not be decoded: the image data is damaged or cut short`);
	}
	try {
		const size = fitSize(bitmap.width, bitmap.height, MAX_SIDE);
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const context = canvas.getContext('2d', { willReadFrequently: true });
		if (!context) throw new Error('this browser cannot draw images into a canvas');
		context.imageSmoothingQuality = 'high';
		context.drawImage(bitmap, 0, 0, size.width, size.height);
		const pixels = context.getImageData(0, 0, size.width, size.height);
		return {
			image: rgbaToGrey(pixels.data, size.width, size.height),
			originalWidth: bitmap.width,
			originalHeight: bitmap.height,
			scaled: size.scaled
		};
	} finally {
		bitmap.close();
	}
}

/** Saves a grey image (as bytes, base64) under `key`; false when storage is unavailable or full. */
export function storeImage(key: string, image: GreyImage): boolean {
	const bytes = toBytes(image);
	let text = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	try {
		localStorage.setItem(key, JSON.stringify({ width: image.width, height: image.height, data: btoa(text) }));
		return true;
	} catch {
		return false;
	}
}

/** The image saved under `key`, or null when none (or it is unreadable). */
export function loadStoredImage(key: string): GreyImage | null {
	try {
		const raw = localStorage.getItem(key);
		if (!raw) return null;
		const { width, height, data } = JSON.parse(raw) as { width: number; height: number; data: string };
		const text = atob(data);
		const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
		return fromBytes(bytes, width, height);
	} catch {
		return null;
	}
}
