/** Dropping a file anywhere on the demo loads it (the file picker does the same). */
import type { Attachment } from 'svelte/attachments';

export function dropFile(onfile: (file: File) => void): Attachment<HTMLElement> {
	return (element) => {
		const over = (event: DragEvent) => {
			if (!event.dataTransfer?.types.includes('Files')) return;
			event.preventDefault(); // allows the drop
			event.dataTransfer.dropEffect = 'copy';
		};
		const drop = (event: DragEvent) => {
			const file = event.dataTransfer?.files[0];
			if (!file) return;
			event.preventDefault(); // the browser would otherwise open the file
			onfile(file);
		};
		element.addEventListener('dragover', over);
		element.addEventListener('drop', drop);
		return () => {
			element.removeEventListener('dragover', over);
			element.removeEventListener('drop', drop);
		};
	};
}
