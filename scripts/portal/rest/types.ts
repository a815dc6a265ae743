import type { PortalStore } from '../data/store.ts'
import type { Params } from './params.ts'

/** What a method handler sees: who calls (from the token) and the portal state. */
export interface MethodContext {
  userId: number
  isAdmin: boolean
  store: PortalStore
}

/** A method's answer; `total` / `next` become top-level fields of the REST answer. */
export interface MethodResult {
  result: unknown
  total?: number
  next?: number
}

/** Handlers throw RestError for documented errors; anything else becomes a 500. */
export type MethodHandler = (params: Params, context: MethodContext) => MethodResult
