/** Firefox's add-on id: needed for storage, for fixing the extension's UUID in tests, and for signing. */
export const GECKO_ID = 'backstory@backstory.news';
