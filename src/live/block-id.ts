/**
 * A live block's id: its slide file's name (without folder or `.md`) and its position, 1-based,
 * among that file's live blocks — `02-relu#1`. The same in both languages (slides/ and slides/en/
 * have the same file names), so links, the window mirror and the room name a block the same way
 * whatever language each device shows. It is not the storage key of saved edits (saved-edits.ts):
 * a storage-format bump must not break shared links.
 */

/** What a block id looks like (one rule, shared with the room's wire protocol): the only ids read from links, other windows or the network. */
export { BLOCK_ID } from '../room/room-protocol';

/** The id of the `index`-th live block (1-based) of slide file `file` (e.g. `slides/en/02-relu.md`). */
export function blockId(file: string, index: number): string {
  return `${file.replace(/^.*\//, '').replace(/\.md$/, '')}#${index}`;
}

/** The block id in a first-version link's key (`rectify:edit:v1:slides/02-relu.md#1`), if it is one. */
export function blockIdFromStorageKey(key: string): string | undefined {
  const match = /^rectify:edit:v\d+:([\w./-]{1,200})#(\d{1,4})$/.exec(key);
  return match ? blockId(match[1], Number(match[2])) : undefined;
}
