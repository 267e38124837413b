/**
 * Delivery-period data seen by participants (B60, B70, B80, B90, C10): schemas shared by the API, the forms and the CSV rows.
 */
export {}
