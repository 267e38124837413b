/**
 * The succession, merger and exit (G50): schemas shared by the API, the forms and the CSV rows.
 */
export {}
