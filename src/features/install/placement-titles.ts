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
