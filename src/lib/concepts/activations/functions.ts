/** The activation functions of the lecture, their derivatives, and where learning stalls. */

export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leaky';

export interface Activation {
	readonly name: ActivationName;
	readonly label: string;
	/** KaTeX source of the definition. */
	readonly tex: string;
	f(x: number, alpha: number): number;
	df(x: number, alpha: number): number;
}

export function sigmoid(x: number): number {
	// Two branches keep exp() from overflowing for large |x|.
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}

export const ACTIVATIONS: Record<ActivationName, Activation> = {
	sigmoid: {
		name: 'sigmoid',
		label: 'Sigmoid',
		tex: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}, \quad \sigma'(x) = \sigma(x)\,(1 - \sigma(x))`,
		f: (x) => sigmoid(x),
		df: (x) => sigmoid(x) * (1 - sigmoid(x))
	},
	tanh: {
		name: 'tanh',
		label: 'Tanh',
		tex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}, \quad \tanh'(x) = 1 - \tanh^2(x)`,
		f: (x) => Math.tanh(x),
		df: (x) => 1 - Math.tanh(x) ** 2
	},
	relu: {
		name: 'relu',
		label: 'ReLU',
		tex: String.raw`\mathrm{ReLU}(x) = \max(0, x), \quad \mathrm{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}`,
		f: (x) => Math.max(0, x),
		// At exactly 0 we use 0, as PyTorch does.
		df: (x) => (x > 0 ? 1 : 0)
	},
	leaky: {
		name: 'leaky',
		label: 'Leaky ReLU',
		tex: String.raw`f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}, \quad f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}`,
		f: (x, alpha) => (x > 0 ? x : alpha * x),
		df: (x, alpha) => (x > 0 ? 1 : alpha)
	}
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/**
 * Where the gradient is under 10 % of its peak: "models get stuck if they go far from 0".
 * For sigmoid and tanh the saturated region is |x| > x*, solved in closed form.
 */
export function saturationThreshold(name: 'sigmoid' | 'tanh', fraction = 0.1): number {
	if (name === 'tanh') {
		// 1 − tanh²(x) = q  ⇒  tanh(x) = √(1 − q)
		return Math.atanh(Math.sqrt(1 - fraction));
	}
	// σ(1 − σ) = q/4  ⇒  σ = (1 + √(1 − q)) / 2
	const s = (1 + Math.sqrt(1 - fraction)) / 2;
	return Math.log(s / (1 - s));
}
