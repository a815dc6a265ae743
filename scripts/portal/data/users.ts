/**
 * People of the demo portal. The first entries are the users you can "log in" as on the
 * portal page; they also appear in each other's recent lists. Names cover Latin with
 * diacritics, Cyrillic, Arabic and Hebrew (right-to-left), CJK, Thai, Devanagari.
 */
export interface PortalUser {
  id: number
  firstName: string
  lastName: string
  workPosition: string
  gender: 'M' | 'F'
  email: string
  isAdmin: boolean
}

export const PORTAL_USERS: readonly PortalUser[] = [
  {
    id: 1,
    firstName: 'Alex',
    lastName: 'Morgan',
    workPosition: 'Portal administrator',
    gender: 'M',
    email: 'alex.morgan@example.com',
    isAdmin: true,
  },
  {
    id: 2,
    firstName: 'Мария',
    lastName: 'Иванова',
    workPosition: 'Менеджер по продажам',
    gender: 'F',
    email: 'maria.ivanova@example.com',
    isAdmin: false,
  },
  {
    id: 3,
    firstName: 'ليلى',
    lastName: 'حداد',
    workPosition: 'مديرة المشاريع',
    gender: 'F',
    email: 'layla.haddad@example.com',
    isAdmin: false,
  },
  {
    id: 4,
    firstName: 'Kenji',
    lastName: 'Watanabe',
    workPosition: 'QA engineer',
    gender: 'M',
    email: 'kenji.watanabe@example.com',
    isAdmin: false,
  },
]

export function portalUser(id: number): PortalUser | undefined {
  return PORTAL_USERS.find((user) => user.id === id)
}

export function fullName(user: Pick<PortalUser, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`.trim()
}

/** [first, last, gender] pools for generated colleagues. */
export const NAME_POOL: readonly (readonly [string, string, 'M' | 'F'])[] = [
  ['John', 'Doe', 'M'],
  ['Emma', 'Smith', 'F'],
  ['Jürgen', 'Müller', 'M'],
  ['Chloé', 'Dubois', 'F'],
  ['Łukasz', 'Nowak', 'M'],
  ['Siobhán', "O'Brien", 'F'],
  ['Mateo', 'García', 'M'],
  ['Giulia', 'Rossi', 'F'],
  ['Иван', 'Петров', 'M'],
  ['Ольга', 'Соколова', 'F'],
  ['Дмитрий', 'Волков', 'M'],
  ['Олена', 'Шевченко', 'F'],
  ['Тарас', 'Бондаренко', 'M'],
  ['Асель', 'Нурланова', 'F'],
  ['محمد', 'العلي', 'M'],
  ['فاطمة', 'الزهراء', 'F'],
  ['דוד', 'כהן', 'M'],
  ['שרה', 'לוי', 'F'],
  ['花子', '佐藤', 'F'],
  ['一郎', '鈴木', 'M'],
  ['伟', '王', 'M'],
  ['娜', '李', 'F'],
  ['สมชาย', 'ใจดี', 'M'],
  ['Nguyễn', 'Văn An', 'M'],
  ['अमित', 'शर्मा', 'M'],
  ['Siti', 'Nurhaliza', 'F'],
  ['Ayşe', 'Yılmaz', 'F'],
  ['João', 'Conceição', 'M'],
  ['Maximilian-Alexander', 'von Hohenzollern-Sigmaringen', 'M'],
  ['', 'Support Bot', 'M'],
]

export const WORK_POSITIONS: readonly string[] = [
  'Tester',
  'Sales manager',
  'Backend developer',
  'Designer',
  'Accountant',
  'Руководитель отдела',
  'مهندس برمجيات',
  'מנהלת מוצר',
  '',
]
