/**
 * The release auction amounts (F30): release offers, their clearing, the granted and billed amounts: schemas shared by the API, the forms and the CSV rows.
 */
export {}
