// Every page is prerendered into the static build.
export const prerender = true;
export const trailingSlash = 'never';
