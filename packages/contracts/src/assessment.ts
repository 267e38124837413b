/**
 * The monthly assessment (B40, B50, C00; the job and its versions): schemas shared by the API, the forms and the CSV rows.
 */
export {}
