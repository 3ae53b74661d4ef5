import { h, type VNode } from 'vue';
import type { IpcError } from '../../ipc';
import { store } from '../../store';
import { errorParts } from '../../ui';

/**
 * The error of one part of the screen, in that part: not the page's alert, since the rest of
 * the screen loaded and still shows.
 */
export const partError = (problem: IpcError): VNode => h('p', { class: 'part-error', lang: store.locale }, errorParts(problem, store.locale));
