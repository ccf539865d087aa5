/** The logical size every slide is written for; reveal scales it to the window (projector or laptop). */
export const SLIDE_SIZE = { width: 1280, height: 800 } as const;
