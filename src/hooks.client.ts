import type { HandleClientError } from '@sveltejs/kit';

/**
 * Unexpected errors in the browser. An address that matches no page is not a fault of the app:
 * say so on the error page instead of logging a stack trace; anything else is logged for the
 * teacher's developer tools and shown in plain words.
 */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status === 404) return { message: 'There is no page at this address.' };
	console.error(error);
	return { message: 'Something went wrong while showing this page. Reload, or go back to all concepts.' };
};
