/**
 * Keeps a number on the same line as its unit ("90 %", "2.5 s", "3 dB"): a narration that wraps
 * between them puts a lone "%" at the start of a projected line.
 */
const NUMBER_AND_UNIT = /(\d) (%|ms|s|dB|px|kB|MB)(?![\p{L}\p{N}])/gu;

export function keepUnitsWithNumbers(text: string): string {
	return text.replace(NUMBER_AND_UNIT, '$1\u00a0$2');
}
