/**
 * The names of the embed pages' URL parameters, in plain JavaScript: the embed
 * schema (embed.ts) parses them, and the production server's page cache
 * (server/page-cache-key.js) keys a step embed on the ones it reads.
 */

/** parameters added by host libraries (pym.js) that embed pages accept and ignore */
export const HOST_PARAMS = ['initialWidth', 'childId', 'parentTitle', 'parentUrl', 'test'];
/** the options of every embed (step embeds and composed views) */
export const OPTION_PARAMS = ['theme', 'interactive', 'caption', 'card'];
/** what a composed view (/embed/view) is made of, besides the options */
export const VIEW_PARAMS = ['center', 'zoom', 'bearing', 'pitch', 'layers', 'highlight', 'date', 'title'];
