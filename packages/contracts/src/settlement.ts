/**
 * The contract amounts, payment notices and invoices (E10, F00; the monthly settlement): schemas shared by the API, the forms and the CSV rows.
 */
export {}
