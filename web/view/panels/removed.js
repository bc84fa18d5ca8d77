// panels/removed.js — the "Removed by the cleaner (N)" panel: what was
// taken out of the page and why, from view/removed.js's list, which also
// puts restorable blocks back; "d" opens and closes it.

import { buildRemovedList } from '../removed.js';
import { restorable } from '../restore.js';

/** The removed-blocks panel (toolbar.js says what a panel is). */
export const removedPanel = {
  name: 'removed',
  keys: 'd',
  wide: true,
  title: 'What was removed (D)',
  build({ state, h, hint, announce, toggle }) {
    const removed = buildRemovedList(state, announce);
    const n = removed.count;
    const restorableCount = (state.article.removed ?? []).filter(restorable).length;
    return {
      // The count is in the name, so the reader knows before opening.
      label: ['Removed ', h('span', { class: 'cr-count', text: `(${n})` })],
      heading: `Removed by the cleaner (${n})`,
      ariaLabel: `Removed: ${n} ${n === 1 ? 'block' : 'blocks'}`,
      body: [
        hint(n
          ? `What was taken out of the page, and why. ${restorableCount ? 'Blocks from inside the story can be restored in place.' : 'All of it was around the story, not in it.'}`
          : 'Nothing was removed.'),
        removed.element,
      ],
      refresh: () => removed.refresh(),
      restore: (i, opts) => removed.restore(i, opts),
      actions: { removed: toggle },
    };
  },
};
