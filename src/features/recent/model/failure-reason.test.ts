import { describe, expect, it } from 'vitest'
import { RestError } from '../../../bitrix24/rest.ts'
import { DialogGoneError } from './mark-change.ts'
import { failureReason } from './failure-reason.ts'

describe('failureReason', () => {
  it.each([
    [new DialogGoneError(), { key: 'reasonGone' }],
    [new RestError('DIALOG_ID_EMPTY', 400, 'Dialog ID can’t be empty'), { key: 'reasonBadId' }],
    [new RestError('NETWORK_ERROR', 0, 'Network connection failed'), { key: 'reasonOffline' }],
    [new RestError('insufficient_scope', 403, ''), { key: 'reasonAccess' }],
    [
      new RestError('INTERNAL_SERVER_ERROR', 500, ''),
      { key: 'reasonServer', code: 'INTERNAL_SERVER_ERROR' },
    ],
    [
      new RestError('QUERY_LIMIT_EXCEEDED', 503, ''),
      { key: 'reasonServer', code: 'QUERY_LIMIT_EXCEEDED' },
    ],
  ])('%s', (error, reason) => {
    expect(failureReason(error)).toEqual(reason)
  })
})
