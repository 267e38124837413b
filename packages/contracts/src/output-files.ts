/**
 * The document samples, the screen ↔ output file map and CSV samples (K00, K20, K21): schemas shared by the API, the forms and the CSV rows.
 */
export {}
