/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import { RestError } from './errors.ts'
import type { MethodContext } from './types.ts'

const context = (): MethodContext => ({ userId: 1, isAdmin: false, store: new PortalStore(120) })

function failure(run: () => unknown): RestError {
  try {
    run()
  } catch (error) {
    if (error instanceof RestError) return error
    throw error
  }
  throw new Error('no error')
}

describe('im.dialog.get (im module classes/general/im_rest.php, CIMRestService::dialogGet)', () => {
  it('answers a chat as Chat::getById formats it, with its dialog id', () => {
    const ctx = context()
    const chat = ctx.store.truth(1).find((d) => d.type === 'chat' && d.chatType === 'chat')!
    const result = dispatch('im.dialog.get', { DIALOG_ID: chat.id }, ctx).result as any
    expect(result).toMatchObject({ id: chat.chatId, name: chat.title, dialog_id: chat.id })
  })

  it('answers a one-to-one dialog’s private chat, named after the other person', () => {
    const ctx = context()
    const dialog = ctx.store.truth(1).find((d) => d.type === 'user' && !d.placeholder)!
    const result = dispatch('im.dialog.get', { DIALOG_ID: dialog.id }, ctx).result as any
    expect(result).toMatchObject({
      id: dialog.chatId,
      name: dialog.title,
      type: 'private',
      dialog_id: String(dialog.id),
    })
  })

  it('refuses a malformed id (400 DIALOG_ID_EMPTY) and a dialog that is not the user’s (403 ACCESS_ERROR)', () => {
    const ctx = context()
    expect(failure(() => dispatch('im.dialog.get', { DIALOG_ID: 'x1' }, ctx))).toMatchObject({
      status: 400,
      code: 'DIALOG_ID_EMPTY',
    })
    expect(
      failure(() => dispatch('im.dialog.get', { DIALOG_ID: 'chat999999999' }, ctx)),
    ).toMatchObject({ status: 403, code: 'ACCESS_ERROR' })
  })
})
