import type { ParticipantProfile, SystemUseApplication } from '@yoryo/contracts'

/** A valid 法人番号 for a 12-digit base number (check digit computed). */
export function corporateNumber(base12: string): string {
  let sum = 0
  for (let n = 1; n <= 12; n++) sum += Number(base12[12 - n]) * (n % 2 === 1 ? 1 : 2)
  return `${9 - (sum % 9)}${base12}`
}

let counter = 0
/** A unique, valid company profile. */
export function profile(overrides: Partial<ParticipantProfile> = {}): ParticipantProfile {
  counter += 1
  const base =
    String(Date.now() % 1_000_000_000).padStart(9, '0') + String(counter).padStart(3, '0')
  return {
    name: 'あおば電力株式会社',
    nameKana: 'アオバデンリョク',
    nameEn: 'Aoba Electric Power Co., Ltd.',
    corporateNumber: corporateNumber(base),
    postalCode: '980-0021',
    address: '宮城県仙台市青葉区中央1-1-1',
    representativeName: '青葉 一郎',
    representativeTitle: '代表取締役社長',
    licenseCategory: 'generation',
    contactName: '山田 太郎',
    contactDepartment: '電力取引部',
    contactEmail: 'trading@aoba-power.example',
    contactPhone: '022-123-4567',
    bankCode: '0001',
    bankBranchCode: '123',
    bankAccountType: 'ordinary',
    bankAccountNumber: '1234567',
    bankAccountHolder: 'ｱｵﾊﾞﾃﾞﾝﾘﾖｸ(ｶ',
    ...overrides,
  }
}

export function systemUseApplication(
  overrides: Partial<ParticipantProfile> = {},
): SystemUseApplication {
  return {
    participant: profile(overrides),
    administrator: {
      userId: 'admin01',
      name: '青葉 花子',
      email: 'admin@aoba-power.example',
      phone: '022-123-4568',
    },
  }
}
