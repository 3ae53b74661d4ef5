import { feedback } from './feedback';
import { memos } from './memos';
import { packs } from './packs';
import { profiles } from './profiles';
import { rehearse } from './rehearse';
import { runs } from './runs';
import { settings } from './settings';
import { shell } from './shell';
import { talks } from './talks';
import { training } from './training';

/** Every text of the page, by screen; each screen's file holds both languages. */
export const MESSAGE_SETS = [shell, profiles, talks, rehearse, runs, settings, feedback, training, packs, memos] as const;
