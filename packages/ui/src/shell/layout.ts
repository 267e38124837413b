/** Shell geometry, shared by the shell and its skeleton so nothing moves when data arrives. */
export const HEADER_HEIGHT = 56
export const NAVBAR_WIDTH = 232
