// The presenter view lives in the browser only: it talks to the projected window over a
// BroadcastChannel and has nothing to show before it hears from it.
export const ssr = false;
