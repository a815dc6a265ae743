import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

/** react-query's own view of the network: mutations pause while it says offline. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => onlineManager.subscribe(notify),
    () => onlineManager.isOnline(),
  )
}
