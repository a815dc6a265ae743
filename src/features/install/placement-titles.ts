import type { PortalLanguage } from '../../i18n/languages.ts'

/**
 * The navigation item's title in every Bitrix24 UI language (placement.bind LANG_ALL). The portal
 * shows the one for the user's language; TITLE (English) is its fallback.
 */
export const PLACEMENT_TITLES: Record<PortalLanguage, string> = {
  ru: 'Непрочитанные',
  en: 'Unread marks',
  de: 'Ungelesen-Markierungen',
  la: 'Marcas de no leído',
  br: 'Marcas de não lido',
  fr: 'Marques non lues',
  it: 'Segni di non letto',
  pl: 'Znaczniki nieprzeczytanych',
  ua: 'Непрочитані',
  tr: 'Okunmamış işaretleri',
  kz: 'Оқылмаған белгілер',
  sc: '未读标记',
  tc: '未讀標記',
  ja: '未読マーク',
  vn: 'Đánh dấu chưa đọc',
  id: 'Tanda belum dibaca',
  ms: 'Tanda belum dibaca',
  th: 'เครื่องหมายยังไม่ได้อ่าน',
  ar: 'علامات غير مقروءة',
  in: 'अपठित चिह्न',
}

/** The message menu item's title (IM_CONTEXT_MENU): what it does to the chat, from that message on. */
export const CONTEXT_MENU_TITLES: Record<PortalLanguage, string> = {
  ru: 'Отметить непрочитанным отсюда',
  en: 'Mark unread from here',
  de: 'Ab hier als ungelesen markieren',
  la: 'Marcar como no leído desde aquí',
  br: 'Marcar como não lido a partir daqui',
  fr: 'Marquer comme non lu à partir d’ici',
  it: 'Segna come non letto da qui',
  pl: 'Oznacz jako nieprzeczytane od tego miejsca',
  ua: 'Позначити непрочитаним звідси',
  tr: 'Buradan itibaren okunmadı olarak işaretle',
  kz: 'Осы жерден бастап оқылмаған деп белгілеу',
  sc: '从这里标记为未读',
  tc: '從這裡標記為未讀',
  ja: 'ここから未読にする',
  vn: 'Đánh dấu chưa đọc từ đây',
  id: 'Tandai belum dibaca mulai dari sini',
  ms: 'Tandakan belum dibaca mulai dari sini',
  th: 'ทำเครื่องหมายว่ายังไม่ได้อ่านตั้งแต่ตรงนี้',
  ar: 'وضع علامة غير مقروء من هنا',
  in: 'यहाँ से अपठित चिह्नित करें',
}
