/**
 * Data feeds in (TSO and operator: B60–B90, C10 by API and G00 files): schemas shared by the API, the forms and the CSV rows.
 */
export {}
