/**
 * PARSE_TEXT=Y asks the portal for the last message's text without BB-code. The portal
 * keeps the inner text of paired tags (`[USER=1]Name[/USER]` → `Name`) and drops the tags.
 */
export function stripBbCode(text: string): string {
  return text
    .replace(/\[(USER|CHAT|URL|B|I|U|S|CODE|QUOTE|COLOR|SIZE|FONT|CALL|PCH|DISK)(=[^\]]*)?\]/gi, '')
    .replace(/\[\/(USER|CHAT|URL|B|I|U|S|CODE|QUOTE|COLOR|SIZE|FONT|CALL|PCH|DISK)\]/gi, '')
}
