/**
 * How PHP's json_encode writes an array, which is how every REST answer is written
 * (CRestServer, rest module classes/general/rest.php): an empty array is `[]`, never `{}`, and
 * one keyed 0…n-1 is a list; any other is an object. A client must take `[]` for an empty map.
 */
export function phpArray(entries: [string, unknown][]): unknown {
  if (entries.length === 0) return []
  if (entries.every(([key], index) => key === String(index)))
    return entries.map(([, value]) => value)
  return Object.fromEntries(entries)
}

/** A map (e.g. counts keyed by chat id) as json_encode writes the PHP array holding it. */
export function phpMap(map: Record<string, unknown>): unknown {
  return phpArray(Object.entries(map))
}
