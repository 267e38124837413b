/**
 * The payments (F10): payments made and received, matched to the payment notices and invoices: schemas shared by the API, the forms and the CSV rows.
 */
export {}
