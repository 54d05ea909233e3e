import type { ParamReader, ParamValue } from '$lib/deck/params';
import {
	CENTRE,
	imageWithPerson,
	LAST_POSITION,
	rowByRow,
	shiftedRows,
	shiftedTemplate,
	dot
} from './functions';

/** The shift demo's one setting: where the person stands in the image. */
export class ShiftModel {
	position = $state(CENTRE);

	readonly image = $derived(imageWithPerson(this.position));
	/** The one neuron's weights: the template at the centre. */
	readonly weights = shiftedTemplate(CENTRE);
	readonly rows = shiftedRows();
	readonly response = $derived(dot(this.weights, this.image));
	/** Wx the matrix way. */
	readonly stacked = $derived(rowByRow(this.rows, this.image));
	/** The best response, with the person right under the weights. */
	readonly peak = dot(this.weights, imageWithPerson(CENTRE));

	constructor(params: ParamReader) {
		this.position = params.number('pos', { min: 0, max: LAST_POSITION, fallback: CENTRE, integer: true });
	}

	/** Moves the person; positions are whole samples inside the image. */
	moveTo(position: number): void {
		this.position = Math.min(LAST_POSITION, Math.max(0, Math.round(position)));
	}

	toParams(): Record<string, ParamValue> {
		return { pos: this.position };
	}
}
