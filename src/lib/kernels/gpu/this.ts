/** What a GPU.js kernel function sees as `this` (sizes arrive as compile-time constants). */
export interface KernelThis {
	thread: { x: number; y: number; z: number };
	constants: Record<string, number>;
}
