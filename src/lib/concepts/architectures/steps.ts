import type { Step } from '../types';

export interface ArchitectureStep extends Step {
	/** The parameter column, its bars and the total. */
	readonly params: boolean;
	/** 'presets': pick a network; 'blocks': edit every block, FC layer and the input. */
	readonly editor: 'presets' | 'blocks';
	/** Offer the two networks that do not fit, next to the presets. */
	readonly breakIt: boolean;
}

export const steps: readonly ArchitectureStep[] = [
	{
		title: 'The common scheme',
		narration:
			'INPUT → [CONV → RELU → POOL]×N → [FC → RELU]×M → FC. Here is LeNet-5 written in those blocks: every row is a layer and the shape it hands on. Convolutions shrink the map by k − 1 without padding, pooling divides it, channels grow.',
		notes:
			'Point at the shape column: 32 → 28 → 14 → 10 → 5. Ask first: “what does a 5×5 kernel without padding do to a 32×32 map?” Misconception: students think pooling reduces channels; it never does, only the next conv’s filter count changes them.',
		params: false,
		editor: 'presets',
		breakIt: false
	},
	{
		title: 'Where the parameters are',
		narration:
			'A conv layer has (k·k·C + 1)·F parameters, whatever the size of its input; an FC layer has one weight per input per output. The flattened maps make the first FC layer the biggest by far.',
		notes:
			'Before revealing the bars, ask which layer has the most parameters; most guess the last conv. Point at FC 1 in LeNet (48 120 of 61 706), then switch to the small VGG preset: 524 544 of 814 122 sit in one FC layer. RELU and POOL have none.',
		params: true,
		editor: 'presets',
		breakIt: false
	},
	{
		title: 'Build your own',
		narration:
			'Change the input, add or remove blocks (N) and FC layers (M), and set each block’s filters, kernel, padding, convs per block and pool size. Every shape and count follows at once.',
		notes:
			'Ask the class for a network for 64×64 colour images and build it live. Useful moves: padding ⌊k/2⌋ keeps the size (“same”), two convs per block is the deck’s second scheme. Watch the total jump when a pool is removed: the FC layer pays for it.',
		params: true,
		editor: 'blocks',
		breakIt: false
	},
	{
		title: 'When the shapes do not fit',
		narration:
			'Pool too often or use too large a kernel and a layer has no input left to work on. The table stops at that layer and says why, instead of crashing.',
		notes:
			'Load “Pool 3×3 on a 2×2 map” and ask: what should a 3×3 window do on a 2×2 map? Then fix it live (pool 2, or one block fewer). Misconception: padding always rescues it; padding more than half the kernel is refused because the border outputs would see only zeros.',
		params: true,
		editor: 'blocks',
		breakIt: true
	}
];
