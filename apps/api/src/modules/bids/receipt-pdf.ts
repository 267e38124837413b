import { formatJstDateTime, type BidReceipt } from '@yoryo/contracts'
import { fieldTable, renderPdf } from '../../lib/pdf.ts'

const actionJa = { register: '登録', change: '変更', withdraw: '取下げ' } as const

/**
 * The receipt of one accepted bid version as a one-page PDF (110): the signed content, its
 * SHA-256, the Ed25519 signature, the key and how to verify it offline (README "Verifying a
 * receipt"). The JSON receipt is what verifies; the PDF shows it.
 */
export function receiptPdf(receipt: BidReceipt): Promise<Buffer> {
  const c = receipt.content
  const acceptedAt = new Date(c.acceptedAt)
  return renderPdf(
    {
      title: '応札受付証（電子署名付き）',
      documentNo: `${c.auctionCode}-${c.resourceCode}-${c.version}`,
      issuedAt: acceptedAt,
    },
    (doc) => {
      fieldTable(doc, '受け付けた応札', [
        ['オークションID', c.auctionCode],
        ['事業者コード', c.participantCode],
        ['電源等識別番号', c.resourceCode],
        ['処理', `${actionJa[c.action]}（版 ${c.version}）`],
        ['応札容量', `${c.kw.toLocaleString('ja-JP')} kW`],
        ['応札価格', `${c.price.toLocaleString('ja-JP')} 円/kW`],
        ['受付日時（サーバー時刻）', `${formatJstDateTime(acceptedAt)} JST（${c.acceptedAt}）`],
        ['応札ID', c.bidId],
      ])
      fieldTable(doc, '署名', [
        ['署名対象（正規化JSON）', receipt.canonical],
        ['SHA-256', receipt.sha256],
        ['Ed25519 署名（Base64）', receipt.signature],
        ['鍵ID', receipt.keyId],
        ['公開鍵（PEM）', receipt.publicKey],
      ])
      doc.font('jp-bold').fontSize(11).text('検証方法')
      doc.moveDown(0.3)
      doc
        .font('jp')
        .fontSize(9)
        .text(
          'JSON形式の受付証（同じ画面からダウンロード）と公開鍵（GET /api/v1/receipt-keys）で、' +
            'システムに頼らずに検証できます。例：canonical を改行なしでファイル c.txt に、' +
            'signature を Base64 復号して sig.bin に、公開鍵を key.pem に保存し、',
        )
      doc.text('openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in c.txt -sigfile sig.bin')
      doc.text(
        'を実行して「Signature Verified Successfully」と表示されれば、内容は改ざんされていません。' +
          'pnpm --silent receipt verify <受付証.json> でも検証できます。',
      )
    },
  )
}
