import {
  bankAccountTypeLabels,
  jstDateOf,
  licenseCategoryLabels,
  systemUseApplicationSchema,
  type SystemUseApplication,
} from '@yoryo/contracts'
import { defineDocument, renderTemplate, SAMPLE_PARTICIPANT } from '../../lib/documents.ts'
import { fieldTable } from '../../lib/pdf.ts'

/** 容量市場システム利用申込書 (700/701) as the applicant filed it, for printing. */
export const systemUseApplicationDocument = defineDocument({
  kind: 'systemUseApplication',
  functionGroup: '030',
  schema: systemUseApplicationSchema,
  title: () => '容量市場システム利用申込書',
  body(doc, application) {
    const p = application.participant
    const a = application.administrator
    doc.text('電力広域的運営推進機関 御中', { align: 'left' })
    doc.moveDown(0.5)
    doc.text('容量市場システムの利用を、以下のとおり申し込みます。')
    doc.moveDown(1)
    fieldTable(doc, '事業者情報', [
      ['事業者名', p.name],
      ['事業者名(カナ)', p.nameKana],
      ['事業者名(英語)', p.nameEn],
      ['法人番号', p.corporateNumber],
      ['所在地', `〒${p.postalCode} ${p.address}`],
      ['代表者', `${p.representativeTitle} ${p.representativeName}`],
      ['ライセンス区分', licenseCategoryLabels[p.licenseCategory].ja],
    ])
    fieldTable(doc, '連絡先', [
      ['担当部署', p.contactDepartment],
      ['担当者氏名', p.contactName],
      ['メールアドレス', p.contactEmail],
      ['電話番号', p.contactPhone],
    ])
    fieldTable(doc, '支払先口座', [
      ['金融機関コード', p.bankCode],
      ['支店コード', p.bankBranchCode],
      ['預金種目', bankAccountTypeLabels[p.bankAccountType].ja],
      ['口座番号', p.bankAccountNumber],
      ['口座名義', p.bankAccountHolder],
    ])
    fieldTable(doc, '管理者ユーザ', [
      ['ユーザID', a.userId],
      ['氏名', a.name],
      ['メールアドレス', a.email],
      ['電話番号', a.phone],
    ])
  },
  sample: {
    participant: {
      name: SAMPLE_PARTICIPANT.name,
      nameKana: 'ミホンデンリョクカブシキガイシャ',
      nameEn: 'Sample Power Co., Ltd.',
      corporateNumber: '2800000000009',
      postalCode: '100-0005',
      address: '東京都千代田区丸の内0-0-0 見本ビル',
      representativeName: '見本 太郎',
      representativeTitle: '代表取締役',
      licenseCategory: 'generation',
      contactName: '見本 花子',
      contactDepartment: '電力取引部',
      contactEmail: 'capacity@sample-power.example',
      contactPhone: '03-0000-0000',
      bankCode: '0000',
      bankBranchCode: '000',
      bankAccountType: 'ordinary',
      bankAccountNumber: '0000000',
      bankAccountHolder: 'ﾐﾎﾝﾃﾞﾝﾘﾖｸ(ｶ',
    },
    administrator: {
      userId: 'sample01',
      name: '見本 一郎',
      email: 'admin@sample-power.example',
      phone: '03-0000-0001',
    },
  },
})

/** The 701 of an application: numbered with its receipt number, dated the day it was filed. */
export function systemUseApplicationPdf(
  receiptNo: string,
  submittedAt: Date,
  application: SystemUseApplication,
): Promise<Buffer> {
  return renderTemplate(systemUseApplicationDocument, {
    documentNo: receiptNo,
    issuedOn: jstDateOf(submittedAt),
    snapshot: application,
  })
}
