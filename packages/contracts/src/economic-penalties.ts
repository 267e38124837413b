/**
 * The penalty targets and economic penalty amounts (D00, D20): schemas shared by the API, the forms and the CSV rows.
 */
export {}
