/**
 * A dialog's key everywhere in the app — rows, changes, facts, selection, the cross-tab channel:
 * its DIALOG_ID as a string (`42` for a one-to-one dialog, `chat7` for a chat).
 */
export const dialogKey = (dialogId: number | string): string => String(dialogId)
